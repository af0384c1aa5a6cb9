package org.duban.supervision.reminder;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The part of a store of {@link Remindable} subjects that {@link SubjectReminders} needs; each
 * store writes the events a subject recorded in the subject's own document.
 */
public interface RemindableSubjects<T extends Remindable> {

    Optional<T> find(String id);

    /**
     * Stores the next state, with the events it recorded, if the stored subject is still at the version it
     * was read at.
     *
     * @return false, storing nothing, when another write came first
     */
    boolean update(T subject);

    /** Ids of the subjects whose next reminder check is at or before {@code now}, earliest first. */
    List<String> dueForReminder(Instant now, int limit);
}
