package org.duban.supervision.reminder;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.duban.platform.domain.StateConflict;

/**
 * A store of one kind of {@link Remindable} subject (supervision orders, recommendations, measures):
 * one document per subject, with the events it recorded and its reminder state. What every such store
 * does alike is done once by the reminder feature's store, which the subject's own adapter composes
 * (see {@link Composed}); the subject's adapter adds only its own queries.
 */
public interface RemindableStore<T extends Remindable> extends RemindableSubjects<T> {

    /** Stores a new subject with the events it recorded; false, storing nothing, when one with its id exists. */
    boolean insert(T subject);

    /** Every subject of a unit. */
    List<T> ofUnit(String unitId);

    /**
     * Stores the next state of a subject a person changed, and reads it back.
     *
     * @param what   what the subject is called in a refusal ("supervision order", …)
     * @param action what the person did, for the refusal
     * @throws StateConflict when another write came first
     */
    default T store(T subject, String what, String action) {
        if (!update(subject)) {
            throw new StateConflict(what, subject.id(), "changed concurrently", action);
        }
        return find(subject.id()).orElseThrow();
    }

    /** A store that hands what every such store does alike to a composed one. */
    interface Composed<T extends Remindable> extends RemindableStore<T> {

        /** The composed store of the same subjects. */
        RemindableStore<T> remindables();

        @Override
        default Optional<T> find(String id) {
            return remindables().find(id);
        }

        @Override
        default boolean insert(T subject) {
            return remindables().insert(subject);
        }

        @Override
        default boolean update(T subject) {
            return remindables().update(subject);
        }

        @Override
        default List<String> dueForReminder(Instant now, int limit) {
            return remindables().dueForReminder(now, limit);
        }

        @Override
        default List<T> ofUnit(String unitId) {
            return remindables().ofUnit(unitId);
        }
    }
}
