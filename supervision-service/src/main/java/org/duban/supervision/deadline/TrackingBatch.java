package org.duban.supervision.deadline;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.duban.contracts.events.AssignmentAccepted;
import org.duban.contracts.events.AssignmentCancelled;
import org.duban.contracts.events.AssignmentConcluded;
import org.duban.contracts.events.AssignmentDeadlineRecomputed;
import org.duban.contracts.events.AssignmentExtensionDecided;
import org.duban.contracts.events.AssignmentFinalReportSubmitted;
import org.duban.contracts.events.AssignmentIssued;
import org.duban.contracts.events.AssignmentObjected;
import org.duban.contracts.events.AssignmentObjectionDecided;
import org.duban.contracts.events.AssignmentReviewed;
import org.duban.contracts.events.DubanEvent;

/**
 * The assignments a batch of events concerns ({@link DeadlineTrackingService#applyAll}): read in one query at its
 * start, then their states as the batch's events change them (each still at the version it was read at, or new),
 * to be stored together at its end.
 */
final class TrackingBatch implements TrackedStates {

    private final Map<String, TrackedAssignment> read;
    private final Map<String, TrackedAssignment> changed = new LinkedHashMap<>();

    private TrackingBatch(Map<String, TrackedAssignment> read) {
        this.read = read;
    }

    /** Reads the stored assignments the events concern, in one query. */
    static TrackingBatch read(TrackedAssignments store, List<DubanEvent> events) {
        return new TrackingBatch(store.findAll(events.stream().map(TrackingBatch::assignmentIdOf)
                .filter(id -> id != null && !id.isBlank()).distinct().toList()));
    }

    @Override
    public Optional<TrackedAssignment> find(String assignmentId) {
        TrackedAssignment current = changed.get(assignmentId);
        return Optional.ofNullable(current != null ? current : read.get(assignmentId));
    }

    @Override
    public void save(TrackedAssignment assignment) {
        changed.put(assignment.assignmentId(), assignment);
    }

    /** The states the batch's events changed so far, one per assignment: the last. */
    Collection<TrackedAssignment> changed() {
        return changed.values();
    }

    /** The assignment an event of {@link DeadlineTrackingService#apply} concerns; null for the others. */
    private static String assignmentIdOf(DubanEvent event) {
        if (event instanceof AssignmentIssued e) {
            return e.assignmentId();
        } else if (event instanceof AssignmentAccepted e) {
            return e.assignmentId();
        } else if (event instanceof AssignmentObjected e) {
            return e.assignmentId();
        } else if (event instanceof AssignmentObjectionDecided e) {
            return e.assignmentId();
        } else if (event instanceof AssignmentExtensionDecided e) {
            return e.assignmentId();
        } else if (event instanceof AssignmentFinalReportSubmitted e) {
            return e.assignmentId();
        } else if (event instanceof AssignmentReviewed e) {
            return e.assignmentId();
        } else if (event instanceof AssignmentDeadlineRecomputed e) {
            return e.assignmentId();
        } else if (event instanceof AssignmentConcluded e) {
            return e.assignmentId();
        } else if (event instanceof AssignmentCancelled e) {
            return e.assignmentId();
        }
        return null;
    }
}
