package org.duban.contracts.events;

import java.time.Instant;

/**
 * {@code duban.assignment.concluded.v1}: the assignment concluded: a 交办 when its final
 * report was approved, a 转送 when its final report came in. {@code onTime} says whether that report
 * was submitted by the deadline (after extensions).
 */
public record AssignmentConcluded(
        String assignmentId,
        String caseId,
        String unitId,
        String kind,
        boolean resolved,
        boolean onTime,
        Instant concludedAt,
        Actor actor) implements DubanEvent {

    public static final String TYPE = "duban.assignment.concluded.v1";

    @Override
    public String partitionKey() {
        return caseId;
    }
}
