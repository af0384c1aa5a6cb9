package org.duban.supervision.reminder;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.duban.contracts.events.DubanEvent;

/**
 * A subject other than an assignment whose deadline is reminded of (a supervision order, a
 * recommendation, a measure): what {@link SubjectReminders} reads of it and how it records a reminder.
 */
public interface Remindable {

    String id();

    String caseId();

    String assignmentId();

    String unitId();

    /** The stored version it was read at (for a conditional write). */
    long version();

    /** The deadline that applies now, if any. */
    Optional<Deadline> applicableDeadline();

    /** The last reminder issued, or null. */
    Reminded reminded();

    /**
     * Records that the unit was reminded of the applicable deadline in {@code colour} at {@code now},
     * with the {@code ReminderIssued} event it causes (see {@link Reminders#issued}).
     */
    void remind(AlertColour colour, Instant now);

    /** The events recorded since it was created or loaded, for the store to write with its state. */
    List<DubanEvent> recordedEvents();
}
