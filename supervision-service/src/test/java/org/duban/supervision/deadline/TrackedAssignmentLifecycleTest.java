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

/**
 * The rest of intake's lifecycle (SPEC §3) as tracking follows it: objection, extensions, final
 * report, review, conclusion and cancellation. Each transition once, again (a redelivery: no
 * change) and in a state intake never emits it from (no change either).
 */
class TrackedAssignmentLifecycleTest {

    private static final Instant ACCEPTED_AT = ISSUED_AT.plus(Duration.ofDays(2));
    private static final Instant EXTENDED_DUE = RESULT_DUE.plus(Duration.ofDays(10));
    private static final Instant SENT_BACK_DUE = RESULT_DUE.plus(Duration.ofDays(20));

    private static TrackedAssignment assigned() {
        return TrackedAssignment.issued(DeadlineFixtures.issue("asg-1", "unit-1"));
    }

    private static TrackedAssignment accepted() {
        return assigned().accept(ACCEPTED_AT);
    }

    private static TrackedAssignment reported() {
        return accepted().report();
    }

    @Test
    void anObjectedAssignmentStaysOnTheBoardHeldToItsAcceptanceDeadline() {
        // when
        TrackedAssignment objected = assigned().object();

        // then
        assertThat(objected.status()).isEqualTo(TrackingStatus.OBJECTED);
        assertThat(objected.isOpen()).isTrue();
        assertThat(objected.applicableDeadline()).contains(new Deadline(DeadlineKind.ACCEPTANCE, ACCEPTANCE_DUE));
    }

    @Test
    void objectingAgainOrAfterAcceptanceChangesNothing() {
        // given
        TrackedAssignment objected = assigned().object();

        // then
        assertThat(objected.object()).isEqualTo(objected);
        assertThat(accepted().object()).isEqualTo(accepted());
    }

    @Test
    void aRejectedObjectionPutsItBackToAssignedWithTheSameDeadline() {
        // when
        TrackedAssignment rejected = assigned().object().rejectObjection();

        // then
        assertThat(rejected).isEqualTo(assigned());
        assertThat(rejected.applicableDeadline()).contains(new Deadline(DeadlineKind.ACCEPTANCE, ACCEPTANCE_DUE));
    }

    @Test
    void aRejectionWithoutAPendingObjectionChangesNothing() {
        // then: a redelivered rejection, after the unit accepted in the meantime, or out of place
        assertThat(assigned().rejectObjection()).isEqualTo(assigned());
        assertThat(accepted().rejectObjection()).isEqualTo(accepted());
    }

    @Test
    void anApprovedExtensionMovesTheResultDeadline() {
        // when
        TrackedAssignment extended = accepted().extend(EXTENDED_DUE);

        // then
        assertThat(extended.status()).isEqualTo(TrackingStatus.ACCEPTED);
        assertThat(extended.dueAt()).isEqualTo(EXTENDED_DUE);
        assertThat(extended.applicableDeadline()).contains(new Deadline(DeadlineKind.RESULT, EXTENDED_DUE));
        assertThat(extended.extend(EXTENDED_DUE)).isEqualTo(extended);
    }

    @Test
    void anExtensionOutsideAcceptedChangesNothing() {
        assertThat(assigned().extend(EXTENDED_DUE)).isEqualTo(assigned());
        assertThat(reported().extend(EXTENDED_DUE)).isEqualTo(reported());
        TrackedAssignment cancelled = accepted().close(TrackingStatus.CANCELLED);
        assertThat(cancelled.extend(EXTENDED_DUE)).isEqualTo(cancelled);
    }

    @Test
    void aFinalReportTakesItOffTheBoardUntilReview() {
        // when
        TrackedAssignment reported = accepted().report();

        // then
        assertThat(reported.status()).isEqualTo(TrackingStatus.REPORTED);
        assertThat(reported.isOpen()).isFalse();
        assertThat(reported.applicableDeadline()).isEmpty();
        assertThat(reported.report()).isEqualTo(reported);
        assertThat(assigned().report()).isEqualTo(assigned());
    }

    @Test
    void aSendBackReopensItWithTheNewResultDeadline() {
        // when
        TrackedAssignment sentBack = reported().sendBack(SENT_BACK_DUE);

        // then
        assertThat(sentBack.status()).isEqualTo(TrackingStatus.ACCEPTED);
        assertThat(sentBack.acceptedAt()).isEqualTo(ACCEPTED_AT);
        assertThat(sentBack.applicableDeadline()).contains(new Deadline(DeadlineKind.RESULT, SENT_BACK_DUE));
        assertThat(sentBack.sendBack(SENT_BACK_DUE)).isEqualTo(sentBack);
        assertThat(accepted().sendBack(SENT_BACK_DUE)).isEqualTo(accepted());
    }

    @Test
    void concludedOrCancelledFromAnyOpenStateLeavesTheBoardForGood() {
        for (TrackedAssignment open : new TrackedAssignment[] {assigned(), assigned().object(), accepted(), reported()}) {
            // when
            TrackedAssignment concluded = open.close(TrackingStatus.CONCLUDED);
            TrackedAssignment cancelled = open.close(TrackingStatus.CANCELLED);

            // then
            assertThat(concluded.status()).isEqualTo(TrackingStatus.CONCLUDED);
            assertThat(cancelled.status()).isEqualTo(TrackingStatus.CANCELLED);
            assertThat(concluded.isOpen()).isFalse();
            assertThat(concluded.applicableDeadline()).isEmpty();
            assertThat(cancelled.applicableDeadline()).isEmpty();
        }
    }

    @Test
    void aClosedAssignmentTakesNoFurtherChange() {
        // given
        TrackedAssignment concluded = reported().close(TrackingStatus.CONCLUDED);

        // then
        assertThat(concluded.close(TrackingStatus.CONCLUDED)).isEqualTo(concluded);
        assertThat(concluded.close(TrackingStatus.CANCELLED)).isEqualTo(concluded);
        assertThat(concluded.sendBack(SENT_BACK_DUE)).isEqualTo(concluded);
        assertThat(concluded.accept(ACCEPTED_AT)).isEqualTo(concluded);
        assertThat(concluded.issue(DeadlineFixtures.issue("asg-1", "unit-1"))).isEqualTo(concluded);
    }

    @Test
    void aClosureSeenBeforeItsIssueStaysClosedWhenTheIssueComes() {
        // given
        TrackedAssignment closed = TrackedAssignment.closedBeforeIssue("asg-1", "case-asg-1", "unit-1",
                TrackingStatus.CANCELLED);

        // when
        TrackedAssignment issued = closed.issue(DeadlineFixtures.issue("asg-1", "unit-1"));

        // then
        assertThat(closed.issueSeen()).isFalse();
        assertThat(closed.applicableDeadline()).isEmpty();
        assertThat(issued.status()).isEqualTo(TrackingStatus.CANCELLED);
        assertThat(issued.trackedSince()).isEqualTo(ISSUED_AT);
        assertThat(issued.applicableDeadline()).isEmpty();
    }

    @Test
    void anAcceptanceSeenBeforeItsIssueCanBeClosed() {
        // when
        TrackedAssignment closed = TrackedAssignment.acceptedBeforeIssue("asg-1", "case-asg-1", "unit-1", ACCEPTED_AT)
                .close(TrackingStatus.CONCLUDED)
                .issue(DeadlineFixtures.issue("asg-1", "unit-1"));

        // then
        assertThat(closed.status()).isEqualTo(TrackingStatus.CONCLUDED);
        assertThat(closed.acceptedAt()).isEqualTo(ACCEPTED_AT);
        assertThat(closed.applicableDeadline()).isEmpty();
    }

    @Test
    void onlyAClosedStateClosesAndAnOpenOneNeedsItsDeadlines() {
        assertThatThrownBy(() -> accepted().close(TrackingStatus.REPORTED))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TrackedAssignment("asg-1", "case-1", "unit-1", null, null, null,
                TrackingStatus.OBJECTED, null, null, null, TrackedAssignment.UNSAVED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kind");
        assertThatThrownBy(() -> accepted().extend(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
