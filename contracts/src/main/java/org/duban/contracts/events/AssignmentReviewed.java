package org.duban.contracts.events;

import java.time.Instant;

/**
 * {@code duban.assignment.reviewed.v1}: a supervisor reviewed a final report: {@code APPROVE}
 * (the assignment concludes) or {@code SEND_BACK} (退回重办: it reopens with {@code newDueAt}).
 */
public record AssignmentReviewed(
        String assignmentId,
        String caseId,
        String unitId,
        String decision,
        Instant newDueAt,
        int sendBacks,
        Instant reviewedAt,
        Actor actor) implements DubanEvent {

    public static final String TYPE = "duban.assignment.reviewed.v1";

    @Override
    public String partitionKey() {
        return caseId;
    }
}
