package org.duban.intake.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.duban.intake.assignment.AssignmentFixtures.ISSUED;
import static org.duban.intake.assignment.AssignmentFixtures.POLICY;

import java.time.Instant;

import org.duban.platform.domain.InvalidInput;
import org.junit.jupiter.api.Test;

class DeadlinePolicyTest {

    @Test
    void deadlinesEndAtOfficeMidnightOfTheLastDay() {
        // when: issued 2024-03-01 10:00 Beijing time
        Deadlines deadlines = POLICY.deadlinesFor(AssignmentKind.ASSIGN, ISSUED, null);

        // then: 15 days → end of 2024-03-16, 60 days → end of 2024-04-30 (Beijing), i.e. 16:00Z the day before
        assertThat(deadlines.acceptanceDueAt()).isEqualTo(Instant.parse("2024-03-16T16:00:00Z"));
        assertThat(deadlines.dueAt()).isEqualTo(Instant.parse("2024-04-30T16:00:00Z"));
    }

    @Test
    void anIssueLateInTheEveningCountsFromTheOfficeDayNotTheUtcDay() {
        // given: 2024-03-01 23:30 Beijing = 15:30Z the same date
        Instant lateEvening = Instant.parse("2024-03-01T15:30:00Z");

        // when
        Deadlines deadlines = POLICY.deadlinesFor(AssignmentKind.TRANSFER, lateEvening, null);

        // then
        assertThat(deadlines.acceptanceDueAt()).isEqualTo(Instant.parse("2024-03-16T16:00:00Z"));
    }

    @Test
    void aSupervisorsOwnResultDeadlineReplacesThePolicyButMustFollowAcceptance() {
        // given
        Instant own = Instant.parse("2024-03-31T16:00:00Z");

        // when
        Deadlines deadlines = POLICY.deadlinesFor(AssignmentKind.ASSIGN, ISSUED, own);

        // then
        assertThat(deadlines.dueAt()).isEqualTo(own);
        assertThatThrownBy(() -> POLICY.deadlinesFor(AssignmentKind.ASSIGN, ISSUED, Instant.parse("2024-03-10T00:00:00Z")))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("dueAt");
    }
}
