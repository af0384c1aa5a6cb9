package org.duban.supervision.deadline;

import java.util.Optional;

/** Where {@link DeadlineTrackingService#apply} reads and saves the assignments: the store, or a batch's copies. */
interface TrackedStates {

    Optional<TrackedAssignment> find(String assignmentId);

    void save(TrackedAssignment assignment);
}
