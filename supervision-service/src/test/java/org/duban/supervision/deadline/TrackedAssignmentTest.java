package org.duban.supervision.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.duban.supervision.deadline.DeadlineFixtures.ACCEPTANCE_DUE;
import static org.duban.supervision.deadline.DeadlineFixtures.ISSUED_AT;
import static org.duban.supervision.deadline.DeadlineFixtures.RESULT_DUE;

import java.time.Duration;
import java.time.Instant;

import org.duban.supervision.reminder.Deadline;
import org.duban.supervision.reminder.DeadlineKind;
import org.junit.jupiter.api.Test;

/** Which deadline applies as an assignment is issued and accepted, in either order, once or twice. */
class TrackedAssignmentTest {

    private static final Instant ACCEPTED_AT = ISSUED_AT.plus(Duration.ofDays(2));

    @Test
    void anIssuedAssignmentIsHeldToItsAcceptanceDeadline() {
        // when
        TrackedAssignment tracked = TrackedAssignment.issued(DeadlineFixtures.issue("asg-1", "unit-1"));

        // then
        assertThat(tracked.status()).isEqualTo(TrackingStatus.ASSIGNED);
        assertThat(tracked.applicableDeadline()).contains(new Deadline(DeadlineKind.ACCEPTANCE, ACCEPTANCE_DUE));
        assertThat(tracked.trackedSince()).isEqualTo(ISSUED_AT);
        assertThat(tracked.isNew()).isTrue();
    }

    @Test
    void anAcceptedAssignmentIsHeldToItsResultDeadline() {
        // given
        TrackedAssignment tracked = TrackedAssignment.issued(DeadlineFixtures.issue("asg-1", "unit-1"));

        // when
        TrackedAssignment accepted = tracked.accept(ACCEPTED_AT);

        // then
        assertThat(accepted.status()).isEqualTo(TrackingStatus.ACCEPTED);
        assertThat(accepted.acceptedAt()).isEqualTo(ACCEPTED_AT);
        assertThat(accepted.applicableDeadline()).contains(new Deadline(DeadlineKind.RESULT, RESULT_DUE));
    }

    @Test
    void acceptingAgainKeepsTheFirstAcceptance() {
        // given
        TrackedAssignment accepted = TrackedAssignment.issued(DeadlineFixtures.issue("asg-1", "unit-1"))
                .accept(ACCEPTED_AT);

        // when
        TrackedAssignment again = accepted.accept(ACCEPTED_AT.plus(Duration.ofHours(1)));

        // then
        assertThat(again).isEqualTo(accepted);
    }

    @Test
    void issuingAgainChangesNothing() {
        // given
        TrackedAssignment tracked = TrackedAssignment.issued(DeadlineFixtures.issue("asg-1", "unit-1"));

        // when
        TrackedAssignment again = tracked.issue(DeadlineFixtures.issue("asg-1", "unit-1"));

        // then
        assertThat(again).isEqualTo(tracked);
    }

    @Test
    void anAcceptanceSeenBeforeItsIssueWaitsWithoutADeadlineAndTheIssueCompletesIt() {
        // given
        TrackedAssignment waiting = TrackedAssignment.acceptedBeforeIssue("asg-1", "case-asg-1", "unit-1", ACCEPTED_AT);

        // when
        TrackedAssignment completed = waiting.issue(DeadlineFixtures.issue("asg-1", "unit-1"));

        // then
        assertThat(waiting.status()).isEqualTo(TrackingStatus.AWAITING_ISSUE);
        assertThat(waiting.isOpen()).isFalse();
        assertThat(waiting.applicableDeadline()).isEmpty();
        assertThat(completed.status()).isEqualTo(TrackingStatus.ACCEPTED);
        assertThat(completed.acceptedAt()).isEqualTo(ACCEPTED_AT);
        assertThat(completed.applicableDeadline()).contains(new Deadline(DeadlineKind.RESULT, RESULT_DUE));
        assertThat(completed.trackedSince()).isEqualTo(ISSUED_AT);
    }

    @Test
    void anIssueWithoutItsResultDeadlineIsRefused() {
        assertThatThrownBy(() -> new Issue("asg-1", "case-1", "unit-1", AssignmentKind.ASSIGN, ISSUED_AT,
                ACCEPTANCE_DUE, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dueAt");
    }
}
