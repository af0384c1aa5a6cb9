package org.duban.supervision.deadline;

import java.time.Instant;

import org.duban.supervision.reminder.AlertColour;
import org.duban.supervision.reminder.AlertKind;
import org.duban.supervision.reminder.AlertPolicy;
import org.duban.supervision.reminder.Deadline;
import org.duban.supervision.reminder.DeadlineKind;
import org.duban.supervision.reminder.Watched;

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

    /** The board's line for an open assignment at {@code now}. */
    public static Alert of(TrackedAssignment assignment, AlertPolicy policy, Instant now) {
        Deadline deadline = assignment.applicableDeadline().orElseThrow(() ->
                new IllegalArgumentException("assignment " + assignment.assignmentId() + " has no applicable deadline"));
        return new Alert(assignment.assignmentId(), assignment.caseId(), assignment.unitId(), assignment.kind(),
                deadline.kind(), deadline.at(), policy.colourOf(deadline.at(), now), policy.overdue(deadline.at(), now),
                policy.daysLeft(deadline.at(), now), assignment.trackedSince(), AlertKind.ASSIGNMENT,
                assignment.assignmentId(), assignment.applicableDeadlineProvisional());
    }

    /** The board's line for another watched subject at {@code now}. */
    public static Alert of(Watched watched, AlertPolicy policy, Instant now) {
        Instant at = watched.deadline().at();
        return new Alert(watched.assignmentId(), watched.caseId(), watched.unitId(), null, watched.deadline().kind(),
                at, policy.colourOf(at, now), policy.overdue(at, now), policy.daysLeft(at, now), watched.since(),
                watched.kind(), watched.subjectId(), false);
    }
}
