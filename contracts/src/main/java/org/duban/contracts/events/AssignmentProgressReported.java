package org.duban.contracts.events;

import java.time.Instant;

/**
 * {@code duban.assignment.progress-reported.v1}: the unit reported progress on an
 * accepted assignment. The note itself stays in intake.
 */
public record AssignmentProgressReported(
        String assignmentId,
        String caseId,
        String unitId,
        Instant reportedAt,
        Actor actor) implements DubanEvent {

    public static final String TYPE = "duban.assignment.progress-reported.v1";

    @Override
    public String partitionKey() {
        return caseId;
    }
}
