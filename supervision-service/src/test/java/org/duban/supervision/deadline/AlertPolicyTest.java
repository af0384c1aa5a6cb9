package org.duban.supervision.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.duban.supervision.deadline.DeadlineFixtures.ACCEPTANCE_DUE;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.duban.platform.testing.MovableClock;
import org.duban.supervision.reminder.AlertColour;
import org.duban.supervision.reminder.AlertPolicy;
import org.duban.supervision.reminder.DeadlineKind;
import org.duban.supervision.reminder.DeadlineRange;
import org.junit.jupiter.api.Test;

/** The colour and the days left of a deadline as the clock moves towards it and past it. */
class AlertPolicyTest {

    private static final Instant DEADLINE = ACCEPTANCE_DUE;
    private static final Duration MS = Duration.ofMillis(1);

    private final AlertPolicy policy = DeadlineFixtures.policy();
    private final MovableClock clock = DeadlineFixtures.clockAtIssue();

    @Test
    void isGreenWhileMoreThanTheYellowWindowRemains() {
        // given
        clock.set(DEADLINE.minus(Duration.ofDays(3)).minus(MS));

        // when
        AlertColour colour = policy.colourOf(DEADLINE, clock.instant());

        // then
        assertThat(colour).isEqualTo(AlertColour.GREEN);
        assertThat(policy.overdue(DEADLINE, clock.instant())).isFalse();
        assertThat(policy.daysLeft(DEADLINE, clock.instant())).isEqualTo(3);
    }

    @Test
    void turnsYellowWhenExactlyTheYellowWindowRemains() {
        // given
        clock.set(DEADLINE.minus(Duration.ofDays(3)));

        // when
        AlertColour colour = policy.colourOf(DEADLINE, clock.instant());

        // then
        assertThat(colour).isEqualTo(AlertColour.YELLOW);
        assertThat(policy.daysLeft(DEADLINE, clock.instant())).isEqualTo(3);
    }

    @Test
    void countsWholeDaysLeftRoundedDown() {
        // given
        clock.set(DEADLINE.minus(Duration.ofDays(3)).plus(MS));

        // when
        int daysLeft = policy.daysLeft(DEADLINE, clock.instant());

        // then: two days, 23 hours and a bit remain
        assertThat(daysLeft).isEqualTo(2);
        assertThat(policy.colourOf(DEADLINE, clock.instant())).isEqualTo(AlertColour.YELLOW);
    }

    @Test
    void isStillYellowAndNotOverdueAtTheDeadlineItself() {
        // given
        clock.set(DEADLINE);

        // when
        AlertColour colour = policy.colourOf(DEADLINE, clock.instant());

        // then
        assertThat(colour).isEqualTo(AlertColour.YELLOW);
        assertThat(policy.overdue(DEADLINE, clock.instant())).isFalse();
        assertThat(policy.daysLeft(DEADLINE, clock.instant())).isZero();
    }

    @Test
    void turnsRedAndOverdueTheFirstMomentPastTheDeadline() {
        // given
        clock.set(DEADLINE);

        // when
        clock.advance(Duration.ofNanos(1));

        // then
        assertThat(policy.colourOf(DEADLINE, clock.instant())).isEqualTo(AlertColour.RED);
        assertThat(policy.overdue(DEADLINE, clock.instant())).isTrue();
        assertThat(policy.daysLeft(DEADLINE, clock.instant())).isEqualTo(-1);
    }

    @Test
    void daysLeftStaysMinusOneUntilAFullDayPastTheDeadline() {
        // given
        clock.set(DEADLINE.plus(Duration.ofDays(1)));

        // when
        int aDayLate = policy.daysLeft(DEADLINE, clock.instant());
        clock.advance(MS);
        int justOverADayLate = policy.daysLeft(DEADLINE, clock.instant());

        // then
        assertThat(aDayLate).isEqualTo(-1);
        assertThat(justOverADayLate).isEqualTo(-2);
    }

    @Test
    void aConfiguredYellowWindowMovesTheYellowBoundary() {
        // given
        AlertPolicy fiveDays = new AlertPolicy(Duration.ofDays(5));
        clock.set(DEADLINE.minus(Duration.ofDays(5)));

        // when
        AlertColour atFiveDays = fiveDays.colourOf(DEADLINE, clock.instant());
        AlertColour justBefore = fiveDays.colourOf(DEADLINE, clock.instant().minus(MS));

        // then
        assertThat(atFiveDays).isEqualTo(AlertColour.YELLOW);
        assertThat(justBefore).isEqualTo(AlertColour.GREEN);
    }

    @Test
    void theRangeOfAColourHoldsExactlyTheDeadlinesOfThatColour() {
        // given: deadlines on and around every boundary, seen from one moment
        Instant now = clock.instant();
        List<Instant> deadlines = List.of(
                now.minus(Duration.ofDays(1)), now.minus(MS), now, now.plus(MS),
                now.plus(Duration.ofDays(3)).minus(MS), now.plus(Duration.ofDays(3)),
                now.plus(Duration.ofDays(3)).plus(MS), now.plus(Duration.ofDays(30)));

        for (AlertColour colour : AlertColour.values()) {
            // when
            DeadlineRange range = policy.deadlinesColoured(colour, now);

            // then
            for (Instant deadline : deadlines) {
                assertThat(range.contains(deadline))
                        .as("%s range holds %s", colour, deadline)
                        .isEqualTo(policy.colourOf(deadline, now) == colour);
            }
        }
    }

    @Test
    void theBoardLineOfAnAcceptedAssignmentFollowsItsResultDeadline() {
        // given
        TrackedAssignment accepted = TrackedAssignment.issued(DeadlineFixtures.issue("asg-1", "unit-1"))
                .accept(DeadlineFixtures.ISSUED_AT.plus(Duration.ofDays(1)));
        clock.set(DeadlineFixtures.RESULT_DUE.minus(Duration.ofDays(10)));

        // when
        Alert alert = Alert.of(accepted, policy, clock.instant());

        // then
        assertThat(alert.deadlineKind()).isEqualTo(DeadlineKind.RESULT);
        assertThat(alert.dueAt()).isEqualTo(DeadlineFixtures.RESULT_DUE);
        assertThat(alert.colour()).isEqualTo(AlertColour.GREEN);
        assertThat(alert.daysLeft()).isEqualTo(10);
        assertThat(alert.trackedSince()).isEqualTo(DeadlineFixtures.ISSUED_AT);
    }

    @Test
    void refusesANegativeYellowWindow() {
        assertThatThrownBy(() -> new AlertPolicy(Duration.ofDays(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}
