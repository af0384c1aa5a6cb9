package org.duban.supervision.reminder;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Reminds units of the deadlines of one kind of {@link Remindable} subject (supervision orders,
 * recommendations, measures): YELLOW when the applicable deadline enters the warning window, RED
 * when it passes. Assignments have their own {@code AssignmentReminders} (a RED one may open an order).
 */
public class SubjectReminders<T extends Remindable> implements ReminderSource {

    private final String subjectType;
    private final RemindableSubjects<T> subjects;
    private final AlertPolicy policy;

    public SubjectReminders(String subjectType, RemindableSubjects<T> subjects, AlertPolicy policy) {
        this.subjectType = subjectType;
        this.subjects = subjects;
        this.policy = policy;
    }

    @Override
    public final String subjectType() {
        return subjectType;
    }

    @Override
    public final List<String> dueForReminder(Instant now, int limit) {
        return subjects.dueForReminder(now, limit);
    }

    @Override
    public final int remind(String id, Instant now) {
        Optional<T> found = subjects.find(id);
        if (found.isEmpty()) {
            return 0;
        }
        T subject = found.get();
        Deadline deadline = subject.applicableDeadline().orElse(null);
        Optional<AlertColour> due = policy.reminderDue(deadline, subject.reminded(), now);
        if (due.isEmpty()) {
            // Its next check was stale (e.g. the yellow window changed): store the right one.
            subjects.update(subject);
            return 0;
        }
        subject.remind(due.get(), now);
        return subjects.update(subject) ? 1 : 0;
    }
}
