package org.duban.supervision.deadline;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

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
import org.duban.platform.domain.EventNotHandled;
import org.duban.supervision.reminder.DeadlineKind;

/**
 * Follows the intake facts that move deadlines: an issued assignment starts being tracked, an
 * accepted one switches to its result deadline, an objection keeps it on its acceptance deadline
 * until decided, an approved extension or a send-back moves the result deadline, a final report
 * takes it off the board until review, a recount on an official calendar year moves provisional
 * deadlines either way, and a conclusion, a cancellation or an upheld objection closes it. Idempotent by construction (the state is keyed by the assignment id and a fact already
 * applied changes nothing), so a redelivered event is harmless even when the consumer's record of
 * processed event ids missed it. Progress reports, extension requests, rejected extensions and
 * approving reviews (a conclusion follows) move no deadline and are ignored.
 *
 * <p>Facts about an assignment whose issue has not been seen: an acceptance or a closure is kept
 * (see {@link #accept}); one that moves a deadline cannot be applied without the issue's deadlines
 * and is refused with {@link IssueNotSeen}, for the dead-letter topic.
 */
public final class DeadlineTrackingService {

    private final TrackedAssignments store;
    private final TrackedStates assignments;

    public DeadlineTrackingService(TrackedAssignments assignments) {
        this.store = assignments;
        this.assignments = new TrackedStates() {
            @Override
            public Optional<TrackedAssignment> find(String assignmentId) {
                return assignments.find(assignmentId);
            }

            @Override
            public void save(TrackedAssignment assignment) {
                assignments.save(assignment);
            }
        };
    }

    private DeadlineTrackingService(TrackedAssignments store, TrackedStates assignments) {
        this.store = store;
        this.assignments = assignments;
    }

    /**
     * Applies intake's events in their order, as {@link #apply} one at a time, but reads the assignments they
     * concern in one query and stores each changed one once, all together ({@link TrackedAssignments#saveAll}):
     * an assignment's facts follow each other in memory, and what is stored is the state after its last one. Facts
     * applied again change nothing (see above), so a batch handed over again, whole or cut differently, or after its
     * write failed half way (each assignment's write is atomic on its own), ends in the same states.
     *
     * @throws EventNotHandled when one could not be applied ({@link MalformedEvent}, {@link IssueNotSeen}, …): the
     *                         effects of the events before it are stored first
     */
    public void applyAll(List<DubanEvent> events) {
        TrackingBatch batch = TrackingBatch.read(store, events);
        DeadlineTrackingService inBatch = new DeadlineTrackingService(store, batch);
        for (int i = 0; i < events.size(); i++) {
            try {
                inBatch.apply(events.get(i));
            } catch (RuntimeException e) {
                store.saveAll(batch.changed());
                throw new EventNotHandled(i, e);
            }
        }
        store.saveAll(batch.changed());
    }

    /** Applies an intake event; events that do not concern deadlines are ignored. */
    public void apply(DubanEvent event) {
        if (event instanceof AssignmentIssued issued) {
            track(issued);
        } else if (event instanceof AssignmentAccepted accepted) {
            accept(accepted);
        } else if (event instanceof AssignmentObjected objected) {
            changeIssued(objected.assignmentId(), AssignmentObjected.TYPE, TrackedAssignment::object);
        } else if (event instanceof AssignmentObjectionDecided decided) {
            decideObjection(decided);
        } else if (event instanceof AssignmentExtensionDecided decided) {
            extend(decided);
        } else if (event instanceof AssignmentFinalReportSubmitted submitted) {
            changeIssued(submitted.assignmentId(), AssignmentFinalReportSubmitted.TYPE, TrackedAssignment::report);
        } else if (event instanceof AssignmentReviewed reviewed) {
            review(reviewed);
        } else if (event instanceof AssignmentDeadlineRecomputed recomputed) {
            recount(recomputed);
        } else if (event instanceof AssignmentConcluded concluded) {
            close(concluded.assignmentId(), concluded.caseId(), concluded.unitId(), TrackingStatus.CONCLUDED);
        } else if (event instanceof AssignmentCancelled cancelled) {
            close(cancelled.assignmentId(), cancelled.caseId(), cancelled.unitId(), TrackingStatus.CANCELLED);
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

    private void decideObjection(AssignmentObjectionDecided event) {
        if (event.upheld()) {
            // The matter went to a new assignment (issued on its own); this one is cancelled.
            close(event.assignmentId(), event.caseId(), event.unitId(), TrackingStatus.CANCELLED);
        } else {
            changeIssued(event.assignmentId(), AssignmentObjectionDecided.TYPE, TrackedAssignment::rejectObjection);
        }
    }

    private void extend(AssignmentExtensionDecided event) {
        if (!event.approved()) {
            return;
        }
        Instant newDueAt = required(event.newDueAt(), "an approved extension without newDueAt");
        changeIssued(event.assignmentId(), AssignmentExtensionDecided.TYPE, tracked -> tracked.extend(newDueAt));
    }

    private void review(AssignmentReviewed event) {
        if ("APPROVE".equals(event.decision())) {
            return; // the conclusion follows as its own event
        }
        if (!"SEND_BACK".equals(event.decision())) {
            throw new MalformedEvent("a review of " + event.assignmentId() + " with decision " + event.decision());
        }
        Instant newDueAt = required(event.newDueAt(), "a send-back without newDueAt");
        changeIssued(event.assignmentId(), AssignmentReviewed.TYPE, tracked -> tracked.sendBack(newDueAt));
    }

    private void recount(AssignmentDeadlineRecomputed event) {
        Instant acceptanceDueAt = required(event.acceptanceDueAt(), "a recount without acceptanceDueAt");
        Instant dueAt = required(event.dueAt(), "a recount without dueAt");
        Set<DeadlineKind> provisional = provisional(event.provisionalDeadlines());
        changeIssued(event.assignmentId(), AssignmentDeadlineRecomputed.TYPE,
                tracked -> tracked.recount(acceptanceDueAt, dueAt, provisional));
    }

    /** The board's deadlines among those intake names (its OBJECTION deadline is not on the board). */
    private static Set<DeadlineKind> provisional(List<String> deadlines) {
        Set<DeadlineKind> provisional = EnumSet.noneOf(DeadlineKind.class);
        if (deadlines != null) {
            if (deadlines.contains("ACCEPTANCE")) {
                provisional.add(DeadlineKind.ACCEPTANCE);
            }
            if (deadlines.contains("RESULT")) {
                provisional.add(DeadlineKind.RESULT);
            }
        }
        return provisional;
    }

    /**
     * Applies a fact that needs the issue's deadlines. An assignment closed before its issue was seen
     * takes no more changes, so only an unknown one or one still awaiting its issue is refused.
     */
    private void changeIssued(String assignmentId, String eventType, UnaryOperator<TrackedAssignment> transition) {
        Optional<TrackedAssignment> current = assignments.find(requiredId(assignmentId));
        if (current.isEmpty() || current.get().status() == TrackingStatus.AWAITING_ISSUE) {
            throw new IssueNotSeen(assignmentId, eventType);
        }
        saveIfChanged(current, transition.apply(current.get()));
    }

    /**
     * Closes an assignment. A closure whose issue has not been seen is kept, like an early
     * acceptance: a closed document that a late issue fills in but does not reopen.
     */
    private void close(String assignmentId, String caseId, String unitId, TrackingStatus closedAs) {
        Optional<TrackedAssignment> current = assignments.find(requiredId(assignmentId));
        TrackedAssignment next = current.map(tracked -> tracked.close(closedAs))
                .orElseGet(() -> closedBeforeIssue(assignmentId, caseId, unitId, closedAs));
        saveIfChanged(current, next);
    }

    private static TrackedAssignment closedBeforeIssue(String assignmentId, String caseId, String unitId,
            TrackingStatus closedAs) {
        try {
            return TrackedAssignment.closedBeforeIssue(assignmentId, caseId, unitId, closedAs);
        } catch (IllegalArgumentException e) {
            throw new MalformedEvent("closure of " + assignmentId + ": " + e.getMessage());
        }
    }

    private static String requiredId(String assignmentId) {
        if (assignmentId == null || assignmentId.isBlank()) {
            throw new MalformedEvent("an assignment event without assignmentId");
        }
        return assignmentId;
    }

    private static Instant required(Instant value, String problem) {
        if (value == null) {
            throw new MalformedEvent(problem);
        }
        return value;
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
                    event.issuedAt(), event.acceptanceDueAt(), event.dueAt(), provisional(event.provisionalDeadlines()));
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
