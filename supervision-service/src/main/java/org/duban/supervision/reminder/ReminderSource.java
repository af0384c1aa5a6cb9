package org.duban.supervision.reminder;

import java.time.Instant;
import java.util.List;

/**
 * One kind of subject whose deadlines are reminded of (assignments, supervision orders,
 * recommendations, measures). Its store keeps, per subject, the instant its next reminder falls
 * due ({@code nextCheckAt}, indexed), so finding the work costs nothing for closed subjects.
 */
public interface ReminderSource {

    /** The {@code subjectType} of its reminders: ASSIGNMENT, SUPERVISION_ORDER, RECOMMENDATION, MEASURE. */
    String subjectType();

    /** Ids of the subjects whose next check is at or before {@code now}, earliest first. */
    List<String> dueForReminder(Instant now, int limit);

    /**
     * Issues the reminder due for the subject at {@code now}, if one is, by a conditional write of
     * the subject's document that records it and carries its event: of two sweeps (two instances,
     * or one repeated after a crash) only one write succeeds.
     *
     * @return the number of reminders this call issued (0 or 1)
     */
    int remind(String id, Instant now);
}
