package org.duban.supervision.reminder;

import java.util.Optional;

/**
 * A subject other than an assignment whose deadline is reminded of (a supervision order, a
 * recommendation, a measure): what {@link SubjectReminders} reads of it and how it records a reminder.
 *
 * @param <T> the subject's own type, which {@link #remind} returns
 */
public interface Remindable<T extends Remindable<T>> {

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

    /** The same subject, with the reminder of {@code colour} for its applicable deadline recorded. */
    T remind(AlertColour colour);
}
