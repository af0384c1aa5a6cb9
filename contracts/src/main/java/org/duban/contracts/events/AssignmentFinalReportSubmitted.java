package org.duban.contracts.events;

import java.time.Instant;

/**
 * {@code duban.assignment.final-report-submitted.v1}: the unit submitted its final
 * report (办结报告): the outcome by 三到位一处理, whether the conflict is resolved, when the petitioner
 * was answered, and whether it came by the (extended) deadline. The summary stays in intake.
 */
public record AssignmentFinalReportSubmitted(
        String assignmentId,
        String caseId,
        String unitId,
        String kind,
        String outcome,
        boolean resolved,
        Instant repliedAt,
        Instant submittedAt,
        Instant dueAt,
        boolean withinDeadline,
        Actor actor) implements DubanEvent {

    public static final String TYPE = "duban.assignment.final-report-submitted.v1";

    @Override
    public String partitionKey() {
        return caseId;
    }
}
