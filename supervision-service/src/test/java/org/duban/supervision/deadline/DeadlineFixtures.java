package org.duban.supervision.deadline;

import java.time.Duration;
import java.time.Instant;

import org.duban.contracts.events.Actor;
import org.duban.contracts.events.AssignmentAccepted;
import org.duban.contracts.events.AssignmentCancelled;
import org.duban.contracts.events.AssignmentConcluded;
import org.duban.contracts.events.AssignmentExtensionDecided;
import org.duban.contracts.events.AssignmentFinalReportSubmitted;
import org.duban.contracts.events.AssignmentIssued;
import org.duban.contracts.events.AssignmentObjected;
import org.duban.contracts.events.AssignmentObjectionDecided;
import org.duban.contracts.events.AssignmentReviewed;
import org.duban.platform.testing.MovableClock;
import org.duban.supervision.reminder.AlertPolicy;

/** Assignments and intake events as the tests of this feature need them, around one fixed moment. */
public final class DeadlineFixtures {

    /** Issue time of every fixture assignment: 2026-03-02 09:30 in the office (UTC+8). */
    public static final Instant ISSUED_AT = Instant.parse("2026-03-02T01:30:00Z");
    /** Acceptance deadline: 15 days after the issue. */
    public static final Instant ACCEPTANCE_DUE = ISSUED_AT.plus(Duration.ofDays(15));
    /** Result deadline: 60 days after the issue. */
    public static final Instant RESULT_DUE = ISSUED_AT.plus(Duration.ofDays(60));
    public static final Duration YELLOW_WINDOW = Duration.ofDays(3);

    private DeadlineFixtures() {
    }

    public static MovableClock clockAtIssue() {
        return new MovableClock(ISSUED_AT);
    }

    public static AlertPolicy policy() {
        return new AlertPolicy(YELLOW_WINDOW);
    }

    public static Issue issue(String assignmentId, String unitId) {
        return new Issue(assignmentId, "case-" + assignmentId, unitId, AssignmentKind.ASSIGN, ISSUED_AT, ACCEPTANCE_DUE,
                RESULT_DUE);
    }

    public static Issue issueDueForAcceptanceAt(String assignmentId, String unitId, Instant acceptanceDueAt) {
        return new Issue(assignmentId, "case-" + assignmentId, unitId, AssignmentKind.ASSIGN, ISSUED_AT,
                acceptanceDueAt, acceptanceDueAt.plus(Duration.ofDays(45)));
    }

    public static AssignmentIssued issuedEvent(String assignmentId, String unitId) {
        return issuedEvent(assignmentId, unitId, ACCEPTANCE_DUE, RESULT_DUE);
    }

    public static AssignmentIssued issuedEvent(String assignmentId, String unitId, Instant acceptanceDueAt,
            Instant dueAt) {
        return new AssignmentIssued(assignmentId, "case-" + assignmentId, unitId, "ASSIGN", "REAL_ESTATE", false,
                ISSUED_AT, acceptanceDueAt, dueAt, new Actor("zhang.wei", "SUPERVISOR", null));
    }

    public static AssignmentAccepted acceptedEvent(String assignmentId, String unitId, Instant acceptedAt) {
        return new AssignmentAccepted(assignmentId, "case-" + assignmentId, unitId, acceptedAt, acceptedAt, true,
                new Actor("li.na", "UNIT", unitId));
    }

    public static AssignmentObjected objectedEvent(String assignmentId, String unitId, Instant at) {
        return new AssignmentObjected(assignmentId, "case-" + assignmentId, unitId, at, unit(unitId));
    }

    /** Upheld: the matter goes to {@code reassignedAssignmentId} (issued as its own assignment). */
    public static AssignmentObjectionDecided objectionDecidedEvent(String assignmentId, String unitId, boolean upheld,
            String reassignedAssignmentId, Instant at) {
        return new AssignmentObjectionDecided(assignmentId, "case-" + assignmentId, unitId, upheld,
                upheld ? reassignedAssignmentId : null, at, supervisor());
    }

    public static AssignmentExtensionDecided extensionDecidedEvent(String assignmentId, String unitId, int days,
            boolean approved, Instant newDueAt, Instant at) {
        return new AssignmentExtensionDecided(assignmentId, "case-" + assignmentId, unitId, "ext-" + days, days,
                approved, approved ? newDueAt : null, false, at, supervisor());
    }

    public static AssignmentFinalReportSubmitted finalReportEvent(String assignmentId, String unitId, String kind,
            Instant dueAt, Instant at) {
        return new AssignmentFinalReportSubmitted(assignmentId, "case-" + assignmentId, unitId, kind,
                "IN_PLACE", true, at, at, dueAt, !at.isAfter(dueAt), unit(unitId));
    }

    public static AssignmentReviewed sentBackEvent(String assignmentId, String unitId, Instant newDueAt, Instant at) {
        return new AssignmentReviewed(assignmentId, "case-" + assignmentId, unitId, "SEND_BACK", newDueAt, 1, at,
                supervisor());
    }

    public static AssignmentReviewed approvedEvent(String assignmentId, String unitId, Instant at) {
        return new AssignmentReviewed(assignmentId, "case-" + assignmentId, unitId, "APPROVE", null, 0, at,
                supervisor());
    }

    public static AssignmentConcluded concludedEvent(String assignmentId, String unitId, String kind, Instant at) {
        return new AssignmentConcluded(assignmentId, "case-" + assignmentId, unitId, kind, true, true, at,
                supervisor());
    }

    public static AssignmentCancelled cancelledEvent(String assignmentId, String unitId, String previousStatus,
            Instant at) {
        return new AssignmentCancelled(assignmentId, "case-" + assignmentId, unitId, previousStatus, at, supervisor());
    }

    public static Actor supervisorActor() {
        return supervisor();
    }

    public static Actor unitActor(String unitId) {
        return unit(unitId);
    }

    private static Actor supervisor() {
        return new Actor("zhang.wei", "SUPERVISOR", null);
    }

    private static Actor unit(String unitId) {
        return new Actor("li.na", "UNIT", unitId);
    }
}
