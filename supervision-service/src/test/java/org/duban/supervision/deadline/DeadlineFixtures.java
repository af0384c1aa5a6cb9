package org.duban.supervision.deadline;

import org.duban.platform.testing.MovableClock;
import java.time.Duration;
import java.time.Instant;

import org.duban.contracts.events.Actor;
import org.duban.contracts.events.AssignmentAccepted;
import org.duban.contracts.events.AssignmentIssued;

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
}
