package org.duban.supervision.deadline;

import java.time.Instant;
import java.util.Optional;

/**
 * An assignment whose deadlines this service watches. While it is not accepted the acceptance
 * deadline applies; once accepted, the result deadline. Applying the same fact twice changes
 * nothing, so redelivered events are harmless.
 *
 * <p>An acceptance may be seen before the issue it belongs to (a dead letter replayed after later
 * events): it is kept as {@link TrackingStatus#AWAITING_ISSUE} and completed when the issue comes.
 *
 * @param kind            null while awaiting the issue
 * @param acceptanceDueAt null while awaiting the issue
 * @param dueAt           the result deadline; null while awaiting the issue
 * @param trackedSince    when the assignment was issued (the deadlines count from there); null while
 *                        awaiting the issue
 * @param acceptedAt      when the unit accepted it, if it has
 * @param version         the stored version this state was read at; {@link #UNSAVED} when new
 */
public record TrackedAssignment(
        String assignmentId,
        String caseId,
        String unitId,
        AssignmentKind kind,
        Instant acceptanceDueAt,
        Instant dueAt,
        TrackingStatus status,
        Instant trackedSince,
        Instant acceptedAt,
        long version) {

    public static final long UNSAVED = -1;

    public TrackedAssignment {
        Require.text(assignmentId, "assignmentId");
        Require.text(caseId, "caseId");
        Require.text(unitId, "unitId");
        Require.present(status, "status");
        if (status == TrackingStatus.AWAITING_ISSUE) {
            Require.present(acceptedAt, "acceptedAt");
        } else {
            Require.present(kind, "kind");
            Require.present(acceptanceDueAt, "acceptanceDueAt");
            Require.present(dueAt, "dueAt");
            Require.present(trackedSince, "trackedSince");
        }
        if (status == TrackingStatus.ACCEPTED) {
            Require.present(acceptedAt, "acceptedAt");
        }
    }

    /** Starts tracking a newly issued assignment: its acceptance deadline applies. */
    public static TrackedAssignment issued(Issue issue) {
        return new TrackedAssignment(issue.assignmentId(), issue.caseId(), issue.unitId(), issue.kind(),
                issue.acceptanceDueAt(), issue.dueAt(), TrackingStatus.ASSIGNED, issue.issuedAt(), null, UNSAVED);
    }

    /** Keeps an acceptance whose issue has not been seen yet, so that it is not lost. */
    public static TrackedAssignment acceptedBeforeIssue(String assignmentId, String caseId, String unitId,
            Instant acceptedAt) {
        return new TrackedAssignment(assignmentId, caseId, unitId, null, null, null, TrackingStatus.AWAITING_ISSUE,
                null, Require.present(acceptedAt, "acceptedAt"), UNSAVED);
    }

    /**
     * The issue of this assignment arrived: completes an acceptance that came first; an assignment
     * already issued stays as it is (a redelivered issue).
     */
    public TrackedAssignment issue(Issue issue) {
        if (status != TrackingStatus.AWAITING_ISSUE) {
            return this;
        }
        return new TrackedAssignment(assignmentId, issue.caseId(), issue.unitId(), issue.kind(),
                issue.acceptanceDueAt(), issue.dueAt(), TrackingStatus.ACCEPTED, issue.issuedAt(), acceptedAt, version);
    }

    /** The unit accepted it: from now on the result deadline applies. Accepting again changes nothing. */
    public TrackedAssignment accept(Instant at) {
        Require.present(at, "acceptedAt");
        if (status != TrackingStatus.ASSIGNED) {
            return this;
        }
        return new TrackedAssignment(assignmentId, caseId, unitId, kind, acceptanceDueAt, dueAt,
                TrackingStatus.ACCEPTED, trackedSince, at, version);
    }

    /** The deadline that currently applies; none unless the assignment is open. */
    public Optional<Deadline> applicableDeadline() {
        return switch (status) {
            case ASSIGNED -> Optional.of(new Deadline(DeadlineKind.ACCEPTANCE, acceptanceDueAt));
            case ACCEPTED -> Optional.of(new Deadline(DeadlineKind.RESULT, dueAt));
            case AWAITING_ISSUE -> Optional.empty();
        };
    }

    public boolean isOpen() {
        return status.isOpen();
    }

    public boolean isNew() {
        return version == UNSAVED;
    }
}
