package org.duban.supervision.deadline;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.duban.contracts.events.DubanEvent;
import org.duban.platform.domain.Page;
import org.duban.supervision.reminder.DeadlineRange;

/** The tracked assignments, one per assignment id. */
public interface TrackedAssignments {

    Optional<TrackedAssignment> find(String assignmentId);

    /** The stored ones among {@code assignmentIds}, by id (one query by id where the store can). */
    default Map<String, TrackedAssignment> findAll(Collection<String> assignmentIds) {
        Map<String, TrackedAssignment> found = new HashMap<>();
        assignmentIds.forEach(id -> find(id).ifPresent(assignment -> found.put(id, assignment)));
        return found;
    }

    /**
     * Stores each of the new assignments or next states as {@link #save} does, together (one bulk write where the
     * store can): every one that is still at the version it was read at is stored, even when another is not.
     *
     * @throws RuntimeException after storing the others, when another write came first for one of them
     */
    default void saveAll(Collection<TrackedAssignment> assignments) {
        assignments.forEach(this::save);
    }

    /**
     * Stores a new assignment or the next state of a stored one (if it is still at the version it
     * was read at).
     *
     * @throws RuntimeException when another write came first; the caller's retry reads it again
     */
    default void save(TrackedAssignment assignment) {
        if (!saveIfUnchanged(assignment, List.of())) {
            throw new IllegalStateException("tracked assignment " + assignment.assignmentId() + " changed concurrently");
        }
    }

    /**
     * Stores the next state together with the events it caused (the store turns them into outbox
     * entries of the same write), if the stored
     * assignment is still at the version this state was read at (or, for a new one, if none is
     * stored yet). Also stores when the sweep should look at it next ({@link TrackedAssignment#nextCheckAt}).
     *
     * @return false, storing nothing, when another write came first
     */
    boolean saveIfUnchanged(TrackedAssignment assignment, List<DubanEvent> events);

    /** Open assignments matching the query, most urgent (earliest applicable deadline) first. */
    Page<TrackedAssignment> open(OpenAssignmentsQuery query);

    /**
     * How many open assignments, of {@code unitId} if given, have their applicable deadline in
     * {@code deadlines}: the same selection as {@link #open}, counted by the store.
     */
    long countOpen(String unitId, DeadlineRange deadlines);

    /** How many of the unit's assignments were reminded of their current deadline (yellow or red). */
    long remindedCount(String unitId);

    /** How many of the unit's assignments turned overdue on their current deadline (reminded red). */
    long remindedRedCount(String unitId);

    /** Ids of the assignments whose next reminder check is at or before {@code now}, earliest first. */
    List<String> dueForReminder(Instant now, int limit);
}
