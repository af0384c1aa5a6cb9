package org.duban.supervision.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.duban.supervision.deadline.DeadlineFixtures.ACCEPTANCE_DUE;
import static org.duban.supervision.deadline.DeadlineFixtures.ISSUED_AT;
import static org.duban.supervision.deadline.DeadlineFixtures.RESULT_DUE;
import static org.duban.supervision.deadline.DeadlineFixtures.acceptedEvent;
import static org.duban.supervision.deadline.DeadlineFixtures.approvedEvent;
import static org.duban.supervision.deadline.DeadlineFixtures.cancelledEvent;
import static org.duban.supervision.deadline.DeadlineFixtures.concludedEvent;
import static org.duban.supervision.deadline.DeadlineFixtures.extensionDecidedEvent;
import static org.duban.supervision.deadline.DeadlineFixtures.finalReportEvent;
import static org.duban.supervision.deadline.DeadlineFixtures.issuedEvent;
import static org.duban.supervision.deadline.DeadlineFixtures.objectedEvent;
import static org.duban.supervision.deadline.DeadlineFixtures.objectionDecidedEvent;
import static org.duban.supervision.deadline.DeadlineFixtures.sentBackEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.duban.contracts.events.Actor;
import org.duban.contracts.events.AssignmentReviewed;
import org.duban.contracts.events.CaseRegistered;
import org.duban.supervision.reminder.Deadline;
import org.duban.supervision.reminder.DeadlineKind;
import org.junit.jupiter.api.Test;

/** Intake's facts turned into tracked deadlines, whatever their repetitions and order. */
class DeadlineTrackingServiceTest {

    private static final Instant ACCEPTED_AT = ISSUED_AT.plus(Duration.ofDays(1));
    private static final Instant LATER = ISSUED_AT.plus(Duration.ofDays(5));
    private static final Instant EXTENDED_DUE = RESULT_DUE.plus(Duration.ofDays(15));
    private static final Instant SENT_BACK_DUE = RESULT_DUE.plus(Duration.ofDays(30));

    private final InMemoryTrackedAssignments assignments = new InMemoryTrackedAssignments();
    private final DeadlineTrackingService tracking = new DeadlineTrackingService(assignments);

    @Test
    void startsTrackingAnIssuedAssignmentAtItsAcceptanceDeadline() {
        // when
        tracking.apply(issuedEvent("asg-1", "unit-1"));

        // then
        TrackedAssignment tracked = assignments.find("asg-1").orElseThrow();
        assertThat(tracked.status()).isEqualTo(TrackingStatus.ASSIGNED);
        assertThat(tracked.unitId()).isEqualTo("unit-1");
        assertThat(tracked.caseId()).isEqualTo("case-asg-1");
        assertThat(tracked.kind()).isEqualTo(AssignmentKind.ASSIGN);
        assertThat(tracked.applicableDeadline().orElseThrow().kind()).isEqualTo(DeadlineKind.ACCEPTANCE);
    }

    @Test
    void aRedeliveredIssueOrAcceptanceChangesNothing() {
        // given
        tracking.apply(issuedEvent("asg-1", "unit-1"));
        tracking.apply(acceptedEvent("asg-1", "unit-1", ACCEPTED_AT));
        TrackedAssignment before = assignments.find("asg-1").orElseThrow();

        // when
        tracking.apply(issuedEvent("asg-1", "unit-1"));
        tracking.apply(acceptedEvent("asg-1", "unit-1", ACCEPTED_AT));

        // then
        assertThat(assignments.find("asg-1")).contains(before);
        assertThat(assignments.saves).isEqualTo(2);
    }

    @Test
    void anAcceptanceBeforeItsIssueIsKeptAndTheIssueCompletesIt() {
        // given
        tracking.apply(acceptedEvent("asg-1", "unit-1", ACCEPTED_AT));

        // when
        tracking.apply(issuedEvent("asg-1", "unit-1"));

        // then
        TrackedAssignment tracked = assignments.find("asg-1").orElseThrow();
        assertThat(tracked.status()).isEqualTo(TrackingStatus.ACCEPTED);
        assertThat(tracked.acceptedAt()).isEqualTo(ACCEPTED_AT);
        assertThat(tracked.applicableDeadline().orElseThrow().kind()).isEqualTo(DeadlineKind.RESULT);
    }

    @Test
    void anIssueWithoutDeadlinesIsMalformedAndStoresNothing() {
        // when / then
        assertThatThrownBy(() -> tracking.apply(issuedEvent("asg-1", "unit-1", null, null)))
                .isInstanceOf(MalformedEvent.class)
                .hasMessageContaining("acceptanceDueAt");
        assertThat(assignments.find("asg-1")).isEmpty();
    }

    @Test
    void anIssueOfAnUnknownKindIsMalformed() {
        // given
        var event = issuedEvent("asg-1", "unit-1");
        var unknownKind = new org.duban.contracts.events.AssignmentIssued(event.assignmentId(), event.caseId(),
                event.unitId(), "DELEGATE", event.category(), false, event.issuedAt(), event.acceptanceDueAt(),
                event.dueAt(), event.actor());

        // when / then
        assertThatThrownBy(() -> tracking.apply(unknownKind)).isInstanceOf(MalformedEvent.class);
    }

    @Test
    void ignoresIntakeEventsThatDoNotConcernDeadlines() {
        // when
        tracking.apply(new CaseRegistered("case-1", "LETTER", "SELF", "REAL_ESTATE", false, false, List.of(), true,
                ISSUED_AT, new Actor("zhang.wei", "SUPERVISOR", null)));

        // then
        assertThat(assignments.saves).isZero();
    }

    @Test
    void anObjectionKeepsTheAcceptanceDeadlineAndItsRejectionPutsItBackToAssigned() {
        // given
        tracking.apply(issuedEvent("asg-1", "unit-1"));

        // when
        tracking.apply(objectedEvent("asg-1", "unit-1", LATER));

        // then
        TrackedAssignment objected = assignments.find("asg-1").orElseThrow();
        assertThat(objected.status()).isEqualTo(TrackingStatus.OBJECTED);
        assertThat(objected.applicableDeadline()).contains(new Deadline(DeadlineKind.ACCEPTANCE, ACCEPTANCE_DUE));

        // when
        tracking.apply(objectionDecidedEvent("asg-1", "unit-1", false, null, LATER));

        // then
        assertThat(assignments.find("asg-1").orElseThrow().status()).isEqualTo(TrackingStatus.ASSIGNED);
    }

    @Test
    void anUpheldObjectionCancelsTheAssignmentAndTheNewOneIsTrackedOnItsOwn() {
        // given
        tracking.apply(issuedEvent("asg-1", "unit-1"));
        tracking.apply(objectedEvent("asg-1", "unit-1", LATER));

        // when: as intake emits it, the decision on the old one, then the issue of the new one
        tracking.apply(objectionDecidedEvent("asg-1", "unit-1", true, "asg-2", LATER));
        tracking.apply(issuedEvent("asg-2", "unit-2"));

        // then
        assertThat(assignments.find("asg-1").orElseThrow().status()).isEqualTo(TrackingStatus.CANCELLED);
        assertThat(assignments.find("asg-1").orElseThrow().applicableDeadline()).isEmpty();
        assertThat(assignments.find("asg-2").orElseThrow().status()).isEqualTo(TrackingStatus.ASSIGNED);
    }

    @Test
    void anApprovedExtensionMovesTheResultDeadlineAndARejectedOneDoesNot() {
        // given
        tracking.apply(issuedEvent("asg-1", "unit-1"));
        tracking.apply(acceptedEvent("asg-1", "unit-1", ACCEPTED_AT));

        // when
        tracking.apply(extensionDecidedEvent("asg-1", "unit-1", 15, false, null, LATER));
        int savesBefore = assignments.saves;
        tracking.apply(extensionDecidedEvent("asg-1", "unit-1", 15, true, EXTENDED_DUE, LATER));

        // then
        assertThat(assignments.saves).isEqualTo(savesBefore + 1);
        assertThat(assignments.find("asg-1").orElseThrow().applicableDeadline())
                .contains(new Deadline(DeadlineKind.RESULT, EXTENDED_DUE));
    }

    @Test
    void aFinalReportLeavesTheBoardAndASendBackReopensWithTheNewDeadline() {
        // given
        tracking.apply(issuedEvent("asg-1", "unit-1"));
        tracking.apply(acceptedEvent("asg-1", "unit-1", ACCEPTED_AT));

        // when
        tracking.apply(finalReportEvent("asg-1", "unit-1", "ASSIGN", RESULT_DUE, LATER));

        // then
        assertThat(assignments.find("asg-1").orElseThrow().status()).isEqualTo(TrackingStatus.REPORTED);
        assertThat(assignments.find("asg-1").orElseThrow().applicableDeadline()).isEmpty();

        // when
        tracking.apply(sentBackEvent("asg-1", "unit-1", SENT_BACK_DUE, LATER));

        // then
        TrackedAssignment sentBack = assignments.find("asg-1").orElseThrow();
        assertThat(sentBack.status()).isEqualTo(TrackingStatus.ACCEPTED);
        assertThat(sentBack.applicableDeadline()).contains(new Deadline(DeadlineKind.RESULT, SENT_BACK_DUE));
    }

    @Test
    void anApprovalThenItsConclusionClosesTheAssignment() {
        // given
        tracking.apply(issuedEvent("asg-1", "unit-1"));
        tracking.apply(acceptedEvent("asg-1", "unit-1", ACCEPTED_AT));
        tracking.apply(finalReportEvent("asg-1", "unit-1", "ASSIGN", RESULT_DUE, LATER));

        // when
        tracking.apply(approvedEvent("asg-1", "unit-1", LATER));
        TrackingStatus afterApproval = assignments.find("asg-1").orElseThrow().status();
        tracking.apply(concludedEvent("asg-1", "unit-1", "ASSIGN", LATER));

        // then
        assertThat(afterApproval).isEqualTo(TrackingStatus.REPORTED);
        assertThat(assignments.find("asg-1").orElseThrow().status()).isEqualTo(TrackingStatus.CONCLUDED);
    }

    @Test
    void aTransfersFinalReportAndItsConclusionCloseIt() {
        // given
        tracking.apply(issuedEvent("asg-1", "unit-1"));
        tracking.apply(acceptedEvent("asg-1", "unit-1", ACCEPTED_AT));

        // when
        tracking.apply(finalReportEvent("asg-1", "unit-1", "TRANSFER", RESULT_DUE, LATER));
        tracking.apply(concludedEvent("asg-1", "unit-1", "TRANSFER", LATER));

        // then
        assertThat(assignments.find("asg-1").orElseThrow().status()).isEqualTo(TrackingStatus.CONCLUDED);
    }

    @Test
    void aCancellationClosesAnOpenAssignment() {
        // given
        tracking.apply(issuedEvent("asg-1", "unit-1"));

        // when
        tracking.apply(cancelledEvent("asg-1", "unit-1", "ASSIGNED", LATER));

        // then
        assertThat(assignments.find("asg-1").orElseThrow().status()).isEqualTo(TrackingStatus.CANCELLED);
    }

    @Test
    void everyLifecycleEventDeliveredTwiceHasOneEffect() {
        // given: the whole walk, each event delivered twice in a row
        var events = lifecycleWalk();
        for (var event : events) {
            tracking.apply(event);
            TrackedAssignment once = assignments.find("asg-1").orElseThrow();
            int saves = assignments.saves;

            // when
            tracking.apply(event);

            // then
            assertThat(assignments.find("asg-1")).as(event.getClass().getSimpleName()).contains(once);
            assertThat(assignments.saves).as(event.getClass().getSimpleName()).isEqualTo(saves);
        }
    }

    @Test
    void theWholeWalkReplayedInOrderEndsInTheSameState() {
        // given
        lifecycleWalk().forEach(tracking::apply);
        TrackedAssignment before = assignments.find("asg-1").orElseThrow();

        // when: redelivered from the start, as after a rebalance before any offset was committed
        lifecycleWalk().forEach(tracking::apply);

        // then
        TrackedAssignment after = assignments.find("asg-1").orElseThrow();
        assertThat(after.status()).isEqualTo(TrackingStatus.ACCEPTED);
        assertThat(after.applicableDeadline()).isEqualTo(before.applicableDeadline())
                .contains(new Deadline(DeadlineKind.RESULT, SENT_BACK_DUE));
    }

    @Test
    void anOldExtensionSeenAgainAfterASendBackDoesNotMoveTheDeadlineBack() {
        // given
        lifecycleWalk().forEach(tracking::apply);
        int savesBefore = assignments.saves;

        // when
        tracking.apply(extensionDecidedEvent("asg-1", "unit-1", 15, true, EXTENDED_DUE, LATER));

        // then
        assertThat(assignments.saves).isEqualTo(savesBefore);
        assertThat(assignments.find("asg-1").orElseThrow().dueAt()).isEqualTo(SENT_BACK_DUE);
    }

    private static List<org.duban.contracts.events.DubanEvent> lifecycleWalk() {
        return List.of(issuedEvent("asg-1", "unit-1"), objectedEvent("asg-1", "unit-1", LATER),
                objectionDecidedEvent("asg-1", "unit-1", false, null, LATER),
                acceptedEvent("asg-1", "unit-1", ACCEPTED_AT),
                extensionDecidedEvent("asg-1", "unit-1", 15, true, EXTENDED_DUE, LATER),
                finalReportEvent("asg-1", "unit-1", "ASSIGN", EXTENDED_DUE, LATER),
                sentBackEvent("asg-1", "unit-1", SENT_BACK_DUE, LATER));
    }

    @Test
    void aRedeliveredClosureChangesNothing() {
        // given
        tracking.apply(issuedEvent("asg-1", "unit-1"));
        tracking.apply(cancelledEvent("asg-1", "unit-1", "ASSIGNED", LATER));
        int savesBefore = assignments.saves;

        // when
        tracking.apply(cancelledEvent("asg-1", "unit-1", "ASSIGNED", LATER));
        tracking.apply(issuedEvent("asg-1", "unit-1"));

        // then
        assertThat(assignments.saves).isEqualTo(savesBefore);
        assertThat(assignments.find("asg-1").orElseThrow().status()).isEqualTo(TrackingStatus.CANCELLED);
    }

    @Test
    void aClosureBeforeItsIssueIsKeptAndTheLateIssueDoesNotReopenIt() {
        // given
        tracking.apply(concludedEvent("asg-1", "unit-1", "TRANSFER", LATER));

        // when
        tracking.apply(issuedEvent("asg-1", "unit-1"));

        // then
        TrackedAssignment tracked = assignments.find("asg-1").orElseThrow();
        assertThat(tracked.status()).isEqualTo(TrackingStatus.CONCLUDED);
        assertThat(tracked.trackedSince()).isEqualTo(ISSUED_AT);
        assertThat(tracked.applicableDeadline()).isEmpty();
    }

    @Test
    void aDeadlineMovedForAnAssignmentWhoseIssueWasNotSeenIsRefused() {
        // given: only an early acceptance of asg-2
        tracking.apply(acceptedEvent("asg-2", "unit-1", ACCEPTED_AT));

        // when / then
        assertThatThrownBy(() -> tracking.apply(objectedEvent("asg-1", "unit-1", LATER)))
                .isInstanceOf(IssueNotSeen.class);
        assertThatThrownBy(() -> tracking.apply(extensionDecidedEvent("asg-2", "unit-1", 15, true, EXTENDED_DUE,
                LATER))).isInstanceOf(IssueNotSeen.class);
        assertThatThrownBy(() -> tracking.apply(finalReportEvent("asg-2", "unit-1", "ASSIGN", RESULT_DUE, LATER)))
                .isInstanceOf(IssueNotSeen.class);
        assertThat(assignments.find("asg-1")).isEmpty();
        assertThat(assignments.find("asg-2").orElseThrow().status()).isEqualTo(TrackingStatus.AWAITING_ISSUE);
    }

    @Test
    void aMovedDeadlineWithoutItsNewDateOrAnUnknownReviewIsMalformed() {
        // given
        tracking.apply(issuedEvent("asg-1", "unit-1"));
        tracking.apply(acceptedEvent("asg-1", "unit-1", ACCEPTED_AT));
        var noDate = new org.duban.contracts.events.AssignmentExtensionDecided("asg-1", "case-asg-1", "unit-1",
                "ext-1", 5, true, null, false, LATER, new Actor("zhang.wei", "SUPERVISOR", null));
        var unknownReview = new AssignmentReviewed("asg-1", "case-asg-1", "unit-1", "SHRUG", null, 0, LATER,
                new Actor("zhang.wei", "SUPERVISOR", null));

        // when / then
        assertThatThrownBy(() -> tracking.apply(noDate)).isInstanceOf(MalformedEvent.class);
        assertThatThrownBy(() -> tracking.apply(sentBackEvent("asg-1", "unit-1", null, LATER)))
                .isInstanceOf(MalformedEvent.class);
        assertThatThrownBy(() -> tracking.apply(unknownReview)).isInstanceOf(MalformedEvent.class);
        assertThatThrownBy(() -> tracking.apply(cancelledEvent(" ", "unit-1", "ASSIGNED", LATER)))
                .isInstanceOf(MalformedEvent.class);
    }
}
