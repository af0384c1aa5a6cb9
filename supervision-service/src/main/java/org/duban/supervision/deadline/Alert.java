package org.duban.supervision.deadline;

import java.time.Instant;

/**
 * One line of the board: an open assignment (or an order, recommendation or measure: {@code kind}),
 * its applicable deadline and how urgent it is at the moment the board was read.
 *
 * @param assignmentKind null for lines other than assignments
 * @param daysLeft whole days until the deadline, rounded down; negative exactly when overdue
 *                 (see {@link AlertPolicy#daysLeft})
 * @param deadlineProvisional the deadline was counted through a provisional calendar year (暂定)
 */
public record Alert(
        String assignmentId,
        String caseId,
        String unitId,
        AssignmentKind assignmentKind,
        DeadlineKind deadlineKind,
        Instant dueAt,
        AlertColour colour,
        boolean overdue,
        int daysLeft,
        Instant trackedSince,
        AlertKind kind,
        String subjectId,
        boolean deadlineProvisional) {
}
