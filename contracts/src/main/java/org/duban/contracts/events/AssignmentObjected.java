package org.duban.contracts.events;

import java.time.Instant;

/**
 * {@code duban.assignment.objected.v1}: the unit objected that the matter is not its own
 * (异议退回), within the objection window. The reasons stay in intake.
 */
public record AssignmentObjected(
        String assignmentId,
        String caseId,
        String unitId,
        Instant objectedAt,
        Actor actor) implements DubanEvent {

    public static final String TYPE = "duban.assignment.objected.v1";

    @Override
    public String partitionKey() {
        return caseId;
    }
}
