package org.duban.contracts.events;

import java.time.Instant;

/**
 * {@code duban.assignment.objection-decided.v1}: a supervisor decided the unit's objection.
 * Rejected: the assignment is ASSIGNED again. Upheld: this assignment is closed (CANCELLED) and the
 * matter was assigned anew as {@code reassignedAssignmentId}.
 */
public record AssignmentObjectionDecided(
        String assignmentId,
        String caseId,
        String unitId,
        boolean upheld,
        String reassignedAssignmentId,
        Instant decidedAt,
        Actor actor) implements DubanEvent {

    public static final String TYPE = "duban.assignment.objection-decided.v1";

    @Override
    public String partitionKey() {
        return caseId;
    }
}
