package org.duban.supervision.deadline;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.duban.supervision.reminder.AlertColour;
import org.duban.supervision.reminder.AlertPolicy;
import org.duban.supervision.reminder.Deadline;
import org.duban.supervision.reminder.DeadlineKind;
import org.duban.supervision.reminder.Reminded;

/**
 * An assignment whose deadlines this service watches, following intake's lifecycle (SPEC §3).
 * While it is not accepted (ASSIGNED, or OBJECTED until the objection is decided) the acceptance
 * deadline applies; once accepted, the result deadline, which extensions and send-backs move. A
 * REPORTED assignment waits for review and has no applicable deadline; CONCLUDED and CANCELLED are
 * closed. Each transition applies only in the state intake emits it from; in any other state (a
 * redelivered or out-of-place fact) it changes nothing, so redelivered events are harmless.
 *
 * <p>An acceptance may be seen before the issue it belongs to (a dead letter replayed after later
 * events): it is kept as {@link TrackingStatus#AWAITING_ISSUE} and completed when the issue comes.
 * Likewise a closure seen first is kept as a closed document without the issue's data, which the
 * issue fills in without reopening it.
 *
 * @param kind            null while the issue has not been seen
 * @param acceptanceDueAt null while the issue has not been seen
 * @param dueAt           the result deadline, as moved by extensions and send-backs; null while the
 *                        issue has not been seen
 * @param trackedSince    when the assignment was issued (the deadlines count from there); null while
 *                        the issue has not been seen
 * @param acceptedAt      when the unit accepted it, if it has
 * @param reminded        the last reminder issued, if any (see {@link #reminderDue})
 * @param version         the stored version this state was read at; {@link #UNSAVED} when new
 * @param provisional     the deadlines (ACCEPTANCE, RESULT) intake counted through a provisional calendar
 *                        year (暂定); empty when none
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
        Reminded reminded,
        long version,
        Set<DeadlineKind> provisional) {

    public static final long UNSAVED = -1;

    /** A tracked assignment none of whose deadlines is provisional. */
    public TrackedAssignment(String assignmentId, String caseId, String unitId, AssignmentKind kind,
            Instant acceptanceDueAt, Instant dueAt, TrackingStatus status, Instant trackedSince, Instant acceptedAt,
            Reminded reminded, long version) {
        this(assignmentId, caseId, unitId, kind, acceptanceDueAt, dueAt, status, trackedSince, acceptedAt, reminded,
                version, Set.of());
    }

    public TrackedAssignment {
        provisional = provisional == null || provisional.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(provisional));
        Require.text(assignmentId, "assignmentId");
        Require.text(caseId, "caseId");
        Require.text(unitId, "unitId");
        Require.present(status, "status");
        if (status == TrackingStatus.AWAITING_ISSUE) {
            Require.present(acceptedAt, "acceptedAt");
        } else if (!status.isClosed() || trackedSince != null) {
            Require.present(kind, "kind");
            Require.present(acceptanceDueAt, "acceptanceDueAt");
            Require.present(dueAt, "dueAt");
            Require.present(trackedSince, "trackedSince");
        }
        if (status == TrackingStatus.ACCEPTED || status == TrackingStatus.REPORTED) {
            Require.present(acceptedAt, "acceptedAt");
        }
    }

    /** Starts tracking a newly issued assignment: its acceptance deadline applies. */
    public static TrackedAssignment issued(Issue issue) {
        return new TrackedAssignment(issue.assignmentId(), issue.caseId(), issue.unitId(), issue.kind(),
                issue.acceptanceDueAt(), issue.dueAt(), TrackingStatus.ASSIGNED, issue.issuedAt(), null, null, UNSAVED,
                issue.provisional());
    }

    /** Keeps an acceptance whose issue has not been seen yet, so that it is not lost. */
    public static TrackedAssignment acceptedBeforeIssue(String assignmentId, String caseId, String unitId,
            Instant acceptedAt) {
        return new TrackedAssignment(assignmentId, caseId, unitId, null, null, null, TrackingStatus.AWAITING_ISSUE,
                null, Require.present(acceptedAt, "acceptedAt"), null, UNSAVED);
    }

    /**
     * Keeps the closure of an assignment whose issue has not been seen, so that the issue, if it
     * comes later, does not put it on the board.
     */
    public static TrackedAssignment closedBeforeIssue(String assignmentId, String caseId, String unitId,
            TrackingStatus closedAs) {
        requireClosed(closedAs);
        return new TrackedAssignment(assignmentId, caseId, unitId, null, null, null, closedAs, null, null, null, UNSAVED);
    }

    /**
     * The issue of this assignment arrived: completes an acceptance or a closure that came first
     * (the closure stays closed); an assignment already issued stays as it is (a redelivered issue).
     */
    public TrackedAssignment issue(Issue issue) {
        if (issueSeen()) {
            return this;
        }
        TrackingStatus next = status == TrackingStatus.AWAITING_ISSUE ? TrackingStatus.ACCEPTED : status;
        return new TrackedAssignment(assignmentId, issue.caseId(), issue.unitId(), issue.kind(),
                issue.acceptanceDueAt(), issue.dueAt(), next, issue.issuedAt(), acceptedAt, reminded, version,
                issue.provisional());
    }

    /** The unit accepted it: from now on the result deadline applies. Accepting again changes nothing. */
    public TrackedAssignment accept(Instant at) {
        Require.present(at, "acceptedAt");
        if (status != TrackingStatus.ASSIGNED) {
            return this;
        }
        return new TrackedAssignment(assignmentId, caseId, unitId, kind, acceptanceDueAt, dueAt,
                TrackingStatus.ACCEPTED, trackedSince, at, reminded, version, provisional);
    }

    /**
     * The unit objected (异议退回): it stays on the board, still held to its acceptance deadline until
     * the objection is decided. Only from ASSIGNED.
     */
    public TrackedAssignment object() {
        return status == TrackingStatus.ASSIGNED ? withStatus(TrackingStatus.OBJECTED) : this;
    }

    /** The supervisor rejected the objection: ASSIGNED again, same acceptance deadline. Only from OBJECTED. */
    public TrackedAssignment rejectObjection() {
        return status == TrackingStatus.OBJECTED ? withStatus(TrackingStatus.ASSIGNED) : this;
    }

    /**
     * An approved extension moved the result deadline to {@code newDueAt}. Only while ACCEPTED, and
     * only forward: intake extends by at least a day, so an extension not later than the deadline in
     * force is an old one seen again (e.g. after a send-back set a later deadline).
     */
    public TrackedAssignment extend(Instant newDueAt) {
        Require.present(newDueAt, "newDueAt");
        if (status != TrackingStatus.ACCEPTED || !newDueAt.isAfter(dueAt)) {
            return this;
        }
        return new TrackedAssignment(assignmentId, caseId, unitId, kind, acceptanceDueAt, newDueAt, status,
                trackedSince, acceptedAt, reminded, version, provisional);
    }

    /**
     * Intake counted provisional deadlines again on an official calendar year: both deadlines take the
     * dates it gives, earlier or later, with their provisional marks. Only while the assignment is open
     * and its issue seen; a recount seen again changes nothing.
     */
    public TrackedAssignment recount(Instant newAcceptanceDueAt, Instant newDueAt, Set<DeadlineKind> stillProvisional) {
        Require.present(newAcceptanceDueAt, "acceptanceDueAt");
        Require.present(newDueAt, "dueAt");
        if (!status.isOpen() || !issueSeen()) {
            return this;
        }
        return new TrackedAssignment(assignmentId, caseId, unitId, kind, newAcceptanceDueAt, newDueAt, status,
                trackedSince, acceptedAt, reminded, version, stillProvisional);
    }

    /** Whether the deadline that applies now was counted through a provisional calendar year. */
    public boolean applicableDeadlineProvisional() {
        return applicableDeadline().map(deadline -> provisional.contains(deadline.kind())).orElse(false);
    }

    /** The unit submitted its final report: it waits for review, off the board. Only from ACCEPTED. */
    public TrackedAssignment report() {
        return status == TrackingStatus.ACCEPTED ? withStatus(TrackingStatus.REPORTED) : this;
    }

    /** The report was sent back (退回重办): ACCEPTED again, held to {@code newDueAt}. Only from REPORTED. */
    public TrackedAssignment sendBack(Instant newDueAt) {
        Require.present(newDueAt, "newDueAt");
        if (status != TrackingStatus.REPORTED) {
            return this;
        }
        Set<DeadlineKind> stillProvisional = EnumSet.noneOf(DeadlineKind.class);
        stillProvisional.addAll(provisional);
        stillProvisional.remove(DeadlineKind.RESULT); // the supervisor's own date
        return new TrackedAssignment(assignmentId, caseId, unitId, kind, acceptanceDueAt, newDueAt,
                TrackingStatus.ACCEPTED, trackedSince, acceptedAt, reminded, version, stillProvisional);
    }

    /**
     * The assignment concluded or was cancelled (an upheld objection cancels it too): off the board
     * for good. Intake's word on a closure is final, so it closes from any state not closed yet; a
     * closed assignment stays as it is.
     */
    public TrackedAssignment close(TrackingStatus closedAs) {
        requireClosed(closedAs);
        return status.isClosed() ? this : withStatus(closedAs);
    }

    /** The deadline that currently applies; none unless the assignment is on the board. */
    public Optional<Deadline> applicableDeadline() {
        return switch (status) {
            case ASSIGNED, OBJECTED -> Optional.of(new Deadline(DeadlineKind.ACCEPTANCE, acceptanceDueAt));
            case ACCEPTED -> Optional.of(new Deadline(DeadlineKind.RESULT, dueAt));
            case AWAITING_ISSUE, REPORTED, CONCLUDED, CANCELLED -> Optional.empty();
        };
    }

    /** The reminder due at {@code now} for the applicable deadline, if one is (see {@link AlertPolicy#reminderDue}). */
    public Optional<AlertColour> reminderDue(AlertPolicy policy, Instant now) {
        return policy.reminderDue(applicableDeadline().orElse(null), reminded, now);
    }

    /** When the sweep should look at it next; null when no reminder is pending. */
    public Instant nextCheckAt(AlertPolicy policy) {
        return policy.nextCheckAt(applicableDeadline().orElse(null), reminded);
    }

    /** Records that the unit was reminded of the applicable deadline in {@code colour}. */
    public TrackedAssignment remind(AlertColour colour) {
        Deadline deadline = applicableDeadline().orElseThrow(() ->
                new IllegalStateException("assignment " + assignmentId + " has no deadline to remind of"));
        return new TrackedAssignment(assignmentId, caseId, unitId, kind, acceptanceDueAt, dueAt, status, trackedSince,
                acceptedAt, new Reminded(deadline, colour), version, provisional);
    }

    /** Whether the issue has been seen: otherwise only an early acceptance or closure is known. */
    public boolean issueSeen() {
        return trackedSince != null;
    }

    public boolean isOpen() {
        return status.isOpen();
    }

    public boolean isNew() {
        return version == UNSAVED;
    }

    private TrackedAssignment withStatus(TrackingStatus next) {
        return new TrackedAssignment(assignmentId, caseId, unitId, kind, acceptanceDueAt, dueAt, next, trackedSince,
                acceptedAt, reminded, version, provisional);
    }

    private static void requireClosed(TrackingStatus closedAs) {
        if (closedAs == null || !closedAs.isClosed()) {
            throw new IllegalArgumentException("not a closed state: " + closedAs);
        }
    }
}
