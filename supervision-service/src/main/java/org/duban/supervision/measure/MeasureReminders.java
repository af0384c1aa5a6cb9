package org.duban.supervision.measure;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.duban.contracts.events.ReminderIssued;
import org.duban.platform.events.PendingEvents;
import org.duban.supervision.deadline.AlertColour;
import org.duban.supervision.deadline.AlertPolicy;
import org.duban.supervision.deadline.Deadline;
import org.duban.supervision.deadline.ReminderSource;
import org.duban.supervision.deadline.Reminders;

/** Reminds units of the due dates of their written self-reviews and rectification reports. */
public final class MeasureReminders implements ReminderSource {

    public static final String SUBJECT_TYPE = "MEASURE";

    private final Measures measures;
    private final AlertPolicy policy;
    private final PendingEvents events;

    public MeasureReminders(Measures measures, AlertPolicy policy, PendingEvents events) {
        this.measures = measures;
        this.policy = policy;
        this.events = events;
    }

    @Override
    public String subjectType() {
        return SUBJECT_TYPE;
    }

    @Override
    public List<String> dueForReminder(Instant now, int limit) {
        return measures.dueForReminder(now, limit);
    }

    @Override
    public int remind(String id, Instant now) {
        Optional<Measure> found = measures.find(id);
        if (found.isEmpty()) {
            return 0;
        }
        Measure measure = found.get();
        Deadline deadline = measure.applicableDeadline().orElse(null);
        Optional<AlertColour> due = policy.reminderDue(deadline, measure.reminded(), now);
        if (due.isEmpty()) {
            measures.updateIfUnchanged(measure, List.of());
            return 0;
        }
        ReminderIssued reminder = Reminders.issued(SUBJECT_TYPE, id, deadline, due.get(), measure.caseId(),
                measure.assignmentId(), measure.unitId(), now);
        return measures.updateIfUnchanged(measure.remind(due.get()), List.of(events.of(id, reminder)))
                ? 1 : 0;
    }
}
