package org.duban.intake.assignment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.duban.platform.domain.Caller;

/** Assignments in known states, on a fixed clock. */
final class AssignmentFixtures {

    static final ZoneId OFFICE = ZoneId.of("Asia/Shanghai");
    /** 2024-03-01 10:00 in the office. */
    static final Instant ISSUED = Instant.parse("2024-03-01T02:00:00Z");
    /** When the fixtures' assignments were accepted, objected to or reported on: a day after the issue. */
    static final Instant NEXT_DAY = ISSUED.plus(Duration.ofDays(1));
    static final Clock CLOCK = Clock.fixed(ISSUED, ZoneOffset.UTC);
    static final DeadlinePolicy POLICY = new DeadlinePolicy(15, 60, 60, OFFICE);
    static final Caller SUPERVISOR = Caller.supervisor("zhang.wei");
    static final Caller UNIT = Caller.unit("wang.fang", "unit-1");

    private AssignmentFixtures() {
    }

    static Assignment issued() {
        return issued(AssignmentKind.ASSIGN);
    }

    static Assignment issued(AssignmentKind kind) {
        return Assignment.issue("asg-1", new Assignment.IssuedMatter("case-1", "REAL_ESTATE", true), "unit-1",
                kind, POLICY.deadlinesFor(kind, ISSUED, null), null, SUPERVISOR);
    }

    /** The same assignment as it comes back from the store, with no events recorded yet. */
    static Assignment stored(Assignment assignment) {
        return Assignment.restore(assignment.snapshot());
    }

    /** A stored 交办 the unit accepted the day after its issue. */
    static Assignment accepted() {
        return accepted(AssignmentKind.ASSIGN);
    }

    static Assignment accepted(AssignmentKind kind) {
        Assignment assignment = issued(kind);
        assignment.accept(UNIT, NEXT_DAY, NEXT_DAY);
        return stored(assignment);
    }

    /** A stored 交办 whose unit objected the day after its issue. */
    static Assignment objected() {
        Assignment assignment = issued();
        assignment.object(UNIT, "该事项属区住建委职责，不属本单位", NEXT_DAY);
        return stored(assignment);
    }

    /** A stored 交办 with a final report waiting for review. */
    static Assignment reported() {
        Assignment assignment = accepted();
        assignment.submitFinalReport(UNIT, FinalReport.Outcome.SOLVED, true, "已协调加装电梯，信访人认可", NEXT_DAY,
                NEXT_DAY);
        return stored(assignment);
    }

    static Assignment concluded() {
        Assignment assignment = reported();
        assignment.review(SUPERVISOR, ReviewDecision.APPROVE, null, null, NEXT_DAY);
        return stored(assignment);
    }

    static Assignment cancelled() {
        Assignment assignment = issued();
        assignment.cancel(SUPERVISOR, "重复交办", NEXT_DAY);
        return stored(assignment);
    }
}
