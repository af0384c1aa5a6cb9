package org.duban.contracts.events;

import java.time.Instant;

/**
 * {@code duban.assignment.cancelled.v1}: a supervisor cancelled an open assignment;
 * {@code previousStatus} is the state it left. The reasons stay in intake.
 */
public record AssignmentCancelled(
        String assignmentId,
        String caseId,
        String unitId,
        String previousStatus,
        Instant cancelledAt,
        Actor actor) implements DubanEvent {

    public static final String TYPE = "duban.assignment.cancelled.v1";

    @Override
    public String partitionKey() {
        return caseId;
    }
}
