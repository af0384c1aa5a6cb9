package org.duban.intake.assignment;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.duban.platform.domain.Caller;

/** Assignments in known states, on a fixed clock. */
final class AssignmentFixtures {

    static final ZoneId OFFICE = ZoneId.of("Asia/Shanghai");
    /** 2024-03-01 10:00 in the office. */
    static final Instant ISSUED = Instant.parse("2024-03-01T02:00:00Z");
    static final Clock CLOCK = Clock.fixed(ISSUED, ZoneOffset.UTC);
    static final DeadlinePolicy POLICY = new DeadlinePolicy(15, 60, 60, OFFICE);
    static final Caller SUPERVISOR = Caller.supervisor("zhang.wei");
    static final Caller UNIT = Caller.unit("wang.fang", "unit-1");

    private AssignmentFixtures() {
    }

    static Assignment issued() {
        return Assignment.issue("asg-1", new Assignment.IssuedMatter("case-1", "REAL_ESTATE", true), "unit-1",
                AssignmentKind.ASSIGN, POLICY.deadlinesFor(AssignmentKind.ASSIGN, ISSUED, null), null, SUPERVISOR);
    }

    /** The same assignment as it comes back from the store, with no events recorded yet. */
    static Assignment stored(Assignment assignment) {
        return Assignment.restore(assignment.snapshot());
    }
}
