package org.duban.supervision.deadline;

import java.util.Optional;

import org.duban.platform.domain.Page;

/** The tracked assignments, one per assignment id. */
public interface TrackedAssignments {

    Optional<TrackedAssignment> find(String assignmentId);

    /**
     * Stores a new assignment or the next state of a stored one (if it is still at the version it
     * was read at).
     *
     * @throws RuntimeException when another write came first; the caller's retry reads it again
     */
    void save(TrackedAssignment assignment);

    /** Open assignments matching the query, most urgent (earliest applicable deadline) first. */
    Page<TrackedAssignment> open(OpenAssignmentsQuery query);
}
