package org.duban.contracts.events;

import java.time.Instant;

/**
 * {@code duban.assignment.issued.v1}: a matter was assigned (交办, kind {@code ASSIGN}) or transferred
 * (转送, kind {@code TRANSFER}) to a responsible unit, with its acceptance and result deadlines.
 */
public record AssignmentIssued(
        String assignmentId,
        String caseId,
        String unitId,
        String kind,
        String category,
        boolean prominent,
        Instant issuedAt,
        Instant acceptanceDueAt,
        Instant dueAt,
        Actor actor) implements DubanEvent {

    public static final String TYPE = "duban.assignment.issued.v1";

    @Override
    public String partitionKey() {
        return caseId;
    }
}
