package org.duban.contracts.events;

import java.time.Instant;

/**
 * {@code duban.assignment.accepted.v1}: the unit signed for the assignment (签收) and told the
 * petitioner in writing that it was taken on (受理告知) at {@code noticeSentAt}.
 */
public record AssignmentAccepted(
        String assignmentId,
        String caseId,
        String unitId,
        Instant acceptedAt,
        Instant noticeSentAt,
        boolean withinDeadline,
        Actor actor) implements DubanEvent {

    public static final String TYPE = "duban.assignment.accepted.v1";

    @Override
    public String partitionKey() {
        return caseId;
    }
}
