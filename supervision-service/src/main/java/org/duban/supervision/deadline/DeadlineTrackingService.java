package org.duban.supervision.deadline;

import java.util.Optional;

import org.duban.contracts.events.AssignmentAccepted;
import org.duban.contracts.events.AssignmentIssued;
import org.duban.contracts.events.DubanEvent;

/**
 * Follows the intake facts that move deadlines: an issued assignment starts being tracked, an
 * accepted one switches to its result deadline. Idempotent by construction (the state is keyed by
 * the assignment id and a fact already applied changes nothing), so a redelivered event is harmless
 * even when the consumer's record of processed event ids missed it.
 */
public final class DeadlineTrackingService {

    private final TrackedAssignments assignments;

    public DeadlineTrackingService(TrackedAssignments assignments) {
        this.assignments = assignments;
    }

    /** Applies an intake event; events that do not concern deadlines are ignored. */
    public void apply(DubanEvent event) {
        if (event instanceof AssignmentIssued issued) {
            track(issued);
        } else if (event instanceof AssignmentAccepted accepted) {
            accept(accepted);
        }
    }

    private void track(AssignmentIssued event) {
        Issue issue = issueOf(event);
        Optional<TrackedAssignment> current = assignments.find(issue.assignmentId());
        TrackedAssignment next = current.map(tracked -> tracked.issue(issue))
                .orElseGet(() -> TrackedAssignment.issued(issue));
        saveIfChanged(current, next);
    }

    private void accept(AssignmentAccepted event) {
        if (event.assignmentId() == null || event.assignmentId().isBlank() || event.acceptedAt() == null) {
            throw new MalformedEvent("an acceptance without assignmentId or acceptedAt");
        }
        Optional<TrackedAssignment> current = assignments.find(event.assignmentId());
        // An acceptance whose issue we have not seen is kept rather than dropped. On the topic the
        // issue precedes the acceptance (both are keyed by the matter, so they share a partition and
        // its order); but an issue that went to the dead-letter topic and is replayed later arrives
        // after its acceptance. Throwing here instead would only send the acceptance after it to the
        // dead-letter topic, to be replayed by hand in the right order; keeping a partial document
        // that the issue completes makes either order end in the same state.
        TrackedAssignment next = current.map(tracked -> tracked.accept(event.acceptedAt()))
                .orElseGet(() -> acceptedBeforeIssue(event));
        saveIfChanged(current, next);
    }

    private void saveIfChanged(Optional<TrackedAssignment> current, TrackedAssignment next) {
        if (current.isEmpty() || !current.get().equals(next)) {
            assignments.save(next);
        }
    }

    private static TrackedAssignment acceptedBeforeIssue(AssignmentAccepted event) {
        try {
            return TrackedAssignment.acceptedBeforeIssue(event.assignmentId(), event.caseId(), event.unitId(),
                    event.acceptedAt());
        } catch (IllegalArgumentException e) {
            throw new MalformedEvent("acceptance of " + event.assignmentId() + ": " + e.getMessage());
        }
    }

    private static Issue issueOf(AssignmentIssued event) {
        try {
            return new Issue(event.assignmentId(), event.caseId(), event.unitId(), kindOf(event.kind()),
                    event.issuedAt(), event.acceptanceDueAt(), event.dueAt());
        } catch (IllegalArgumentException e) {
            throw new MalformedEvent("issue of " + event.assignmentId() + ": " + e.getMessage());
        }
    }

    private static AssignmentKind kindOf(String kind) {
        if (kind == null) {
            throw new IllegalArgumentException("kind is missing");
        }
        return AssignmentKind.valueOf(kind);
    }
}
