package org.duban.supervision.deadline;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.duban.contracts.events.ReminderIssued;
import org.duban.supervision.reminder.AlertColour;
import org.duban.supervision.reminder.AlertPolicy;
import org.duban.supervision.reminder.Deadline;
import org.duban.supervision.reminder.ReminderSource;
import org.duban.supervision.reminder.Reminders;

/**
 * Reminds units of their assignments' deadlines: YELLOW when the applicable deadline enters the
 * warning window, RED when it passes; at RED the office policy may open a supervision order too.
 */
public final class AssignmentReminders implements ReminderSource {

    public static final String SUBJECT_TYPE = "ASSIGNMENT";

    private final TrackedAssignments assignments;
    private final AlertPolicy policy;
    private final OverdueAssignments overdue;

    public AssignmentReminders(TrackedAssignments assignments, AlertPolicy policy, OverdueAssignments overdue) {
        this.assignments = assignments;
        this.policy = policy;
        this.overdue = overdue;
    }

    @Override
    public String subjectType() {
        return SUBJECT_TYPE;
    }

    @Override
    public List<String> dueForReminder(Instant now, int limit) {
        return assignments.dueForReminder(now, limit);
    }

    @Override
    public int remind(String id, Instant now) {
        Optional<TrackedAssignment> found = assignments.find(id);
        if (found.isEmpty()) {
            return 0;
        }
        TrackedAssignment assignment = found.get();
        Optional<AlertColour> due = assignment.reminderDue(policy, now);
        if (due.isEmpty()) {
            // Its next check was stale (e.g. the yellow window changed): store the right one.
            assignments.saveIfUnchanged(assignment, List.of());
            return 0;
        }
        Deadline deadline = assignment.applicableDeadline().orElseThrow();
        if (due.get() == AlertColour.RED) {
            overdue.turnedOverdue(assignment, deadline, now);
        }
        ReminderIssued reminder = Reminders.issued(SUBJECT_TYPE, id, deadline, due.get(), assignment.caseId(), id,
                assignment.unitId(), now);
        return assignments.saveIfUnchanged(assignment.remind(due.get()), List.of(reminder)) ? 1 : 0;
    }
}
