package org.duban.intake.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.duban.intake.assignment.AssignmentFixtures.ISSUED;
import static org.duban.intake.assignment.AssignmentFixtures.NEXT_DAY;
import static org.duban.intake.assignment.AssignmentFixtures.SUPERVISOR;
import static org.duban.intake.assignment.AssignmentFixtures.UNIT;
import static org.duban.intake.assignment.AssignmentFixtures.accepted;
import static org.duban.intake.assignment.AssignmentFixtures.cancelled;
import static org.duban.intake.assignment.AssignmentFixtures.concluded;
import static org.duban.intake.assignment.AssignmentFixtures.issued;
import static org.duban.intake.assignment.AssignmentFixtures.objected;
import static org.duban.intake.assignment.AssignmentFixtures.reported;
import static org.duban.intake.assignment.AssignmentFixtures.stored;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.duban.contracts.events.AssignmentAccepted;
import org.duban.contracts.events.AssignmentCancelled;
import org.duban.contracts.events.AssignmentConcluded;
import org.duban.contracts.events.AssignmentExtensionDecided;
import org.duban.contracts.events.AssignmentExtensionRequested;
import org.duban.contracts.events.AssignmentFinalReportSubmitted;
import org.duban.contracts.events.AssignmentObjected;
import org.duban.contracts.events.AssignmentObjectionDecided;
import org.duban.contracts.events.AssignmentProgressReported;
import org.duban.contracts.events.AssignmentReviewed;
import org.duban.contracts.events.DubanEvent;
import org.duban.platform.domain.Conflict;
import org.duban.platform.domain.InvalidInput;
import org.duban.platform.domain.StateConflict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** SPEC §3 as a table: every action in every state either moves as the lifecycle says or is refused. */
class AssignmentLifecycleTest {

    /** Two days after the issue: inside the objection window, long before the result deadline. */
    private static final Instant NOW = ISSUED.plus(Duration.ofDays(2));

    enum Action {
        ACCEPT, OBJECT, DECIDE_OBJECTION, REPORT_PROGRESS, REQUEST_EXTENSION, DECIDE_EXTENSION, SUBMIT_FINAL_REPORT,
        REVIEW, CANCEL
    }

    record Move(AssignmentStatus to, List<Class<? extends DubanEvent>> events) {
    }

    /** The allowed (state, action) pairs; every other pair must be refused. */
    private static final Map<AssignmentStatus, Map<Action, Move>> LIFECYCLE = new EnumMap<>(AssignmentStatus.class);

    static {
        allow(AssignmentStatus.ASSIGNED, Action.ACCEPT, AssignmentStatus.ACCEPTED, AssignmentAccepted.class);
        allow(AssignmentStatus.ASSIGNED, Action.OBJECT, AssignmentStatus.OBJECTED, AssignmentObjected.class);
        allow(AssignmentStatus.ASSIGNED, Action.CANCEL, AssignmentStatus.CANCELLED, AssignmentCancelled.class);
        allow(AssignmentStatus.OBJECTED, Action.DECIDE_OBJECTION, AssignmentStatus.ASSIGNED,
                AssignmentObjectionDecided.class);
        allow(AssignmentStatus.OBJECTED, Action.CANCEL, AssignmentStatus.CANCELLED, AssignmentCancelled.class);
        allow(AssignmentStatus.ACCEPTED, Action.REPORT_PROGRESS, AssignmentStatus.ACCEPTED,
                AssignmentProgressReported.class);
        allow(AssignmentStatus.ACCEPTED, Action.REQUEST_EXTENSION, AssignmentStatus.ACCEPTED,
                AssignmentExtensionRequested.class);
        allow(AssignmentStatus.ACCEPTED, Action.DECIDE_EXTENSION, AssignmentStatus.ACCEPTED,
                AssignmentExtensionDecided.class);
        allow(AssignmentStatus.ACCEPTED, Action.SUBMIT_FINAL_REPORT, AssignmentStatus.REPORTED,
                AssignmentFinalReportSubmitted.class);
        allow(AssignmentStatus.ACCEPTED, Action.CANCEL, AssignmentStatus.CANCELLED, AssignmentCancelled.class);
        allow(AssignmentStatus.REPORTED, Action.REVIEW, AssignmentStatus.CONCLUDED, AssignmentReviewed.class,
                AssignmentConcluded.class);
        allow(AssignmentStatus.REPORTED, Action.CANCEL, AssignmentStatus.CANCELLED, AssignmentCancelled.class);
    }

    @SafeVarargs
    private static void allow(AssignmentStatus from, Action action, AssignmentStatus to,
            Class<? extends DubanEvent>... events) {
        LIFECYCLE.computeIfAbsent(from, state -> new EnumMap<>(Action.class)).put(action, new Move(to, List.of(events)));
    }

    static Stream<Arguments> everyStateAndAction() {
        return Arrays.stream(AssignmentStatus.values())
                .flatMap(state -> Arrays.stream(Action.values()).map(action -> Arguments.of(state, action)));
    }

    @ParameterizedTest(name = "{0} × {1}")
    @MethodSource("everyStateAndAction")
    void everyActionMovesAsTheLifecycleSaysOrIsRefusedNamingTheStateAndChangingNothing(AssignmentStatus state,
            Action action) {
        // given
        Assignment assignment = in(state, action);
        AssignmentSnapshot before = assignment.snapshot();
        Move allowed = LIFECYCLE.getOrDefault(state, Map.of()).get(action);

        // when
        Throwable refusal = catchThrowable(() -> perform(action, assignment));

        // then
        if (allowed != null) {
            assertThat(refusal).isNull();
            assertThat(assignment.status()).isEqualTo(allowed.to());
            assertThat(assignment.recordedEvents()).extracting(Object::getClass)
                    .containsExactlyElementsOf(allowed.events());
        } else {
            assertThat(refusal).isInstanceOf(StateConflict.class).hasMessageContaining(state.name());
            assertThat(((StateConflict) refusal).state()).isEqualTo(state.name());
            assertThat(assignment.snapshot()).isEqualTo(before);
            assertThat(assignment.recordedEvents()).isEmpty();
        }
    }

    @Test
    void theTableCoversEveryStateAndEveryAction() {
        assertThat(everyStateAndAction()).hasSize(6 * 9);
        assertThat(LIFECYCLE.values().stream().mapToInt(Map::size).sum()).isEqualTo(12);
    }

    @Test
    void extensionsTotalAtMostThirtyDaysApprovedAndPendingTogether() {
        // given: 20 days approved
        Assignment assignment = accepted();
        assignment.requestExtension(UNIT, "ext-1", 20, "需协调多部门", NOW);
        assignment.decideExtension(SUPERVISOR, "ext-1", true, null, NOW);

        // when / then: 11 more would make 31
        assertThatThrownBy(() -> assignment.requestExtension(UNIT, "ext-2", 11, "仍需协调", NOW))
                .isInstanceOf(Conflict.class).hasMessageContaining("30 days");
        assertThat(assignment.snapshot().extensions()).hasSize(1);

        // and 10 more make exactly 30
        assignment.requestExtension(UNIT, "ext-3", 10, "仍需协调", NOW);
        assertThat(assignment.snapshot().extensions()).hasSize(2);
    }

    @Test
    void aRejectedExtensionDoesNotCountAgainstTheCap() {
        // given
        Assignment assignment = accepted();
        assignment.requestExtension(UNIT, "ext-1", 25, "需协调多部门", NOW);
        assignment.decideExtension(SUPERVISOR, "ext-1", false, "理由不充分", NOW);

        // when
        assignment.requestExtension(UNIT, "ext-2", 30, "需协调多部门", NOW);

        // then
        assertThat(assignment.snapshot().extensions()).extracting(Extension::status)
                .containsExactly(Extension.Status.REJECTED, Extension.Status.PENDING);
    }

    @Test
    void onlyOneExtensionRequestWaitsAtATime() {
        // given
        Assignment assignment = accepted();
        assignment.requestExtension(UNIT, "ext-1", 5, "需协调多部门", NOW);

        // when / then
        assertThatThrownBy(() -> assignment.requestExtension(UNIT, "ext-2", 5, "再延", NOW))
                .isInstanceOf(Conflict.class).hasMessageContaining("waiting");
    }

    @Test
    void anExtensionIsAskedOnlyBeforeTheDeadlineAndForAtLeastOneDay() {
        // given
        Assignment assignment = accepted();
        Instant deadline = assignment.dueAt();

        // when / then
        assertThatThrownBy(() -> assignment.requestExtension(UNIT, "ext-1", 5, "来不及", deadline))
                .isInstanceOf(Conflict.class).hasMessageContaining("before the deadline");
        assertThatThrownBy(() -> assignment.requestExtension(UNIT, "ext-1", 0, "来不及", NOW))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("days");
        assignment.requestExtension(UNIT, "ext-1", 5, "来不及", deadline.minusSeconds(1));
        assertThat(assignment.recordedEvents()).hasSize(1);
    }

    @Test
    void anApprovedExtensionMovesTheDeadlineByItsDays() {
        // given
        Assignment assignment = accepted();
        Instant deadline = assignment.dueAt();
        assignment.requestExtension(UNIT, "ext-1", 7, "需协调多部门", NOW);

        // when
        assignment.decideExtension(SUPERVISOR, "ext-1", true, "同意", NOW);

        // then
        assertThat(assignment.dueAt()).isEqualTo(deadline.plus(Duration.ofDays(7)));
        assertThat(assignment.recordedEvents().get(1)).isInstanceOfSatisfying(AssignmentExtensionDecided.class,
                event -> {
                    assertThat(event.newDueAt()).isEqualTo(deadline.plus(Duration.ofDays(7)));
                    assertThat(event.hasNote()).isTrue();
                });
    }

    @Test
    void theObjectionWindowEndsFiveWorkingDaysAfterTheIssueAtOfficeMidnight() {
        // given: issued Friday 2024-03-01 10:00 Beijing; the window ends at the end of Friday 2024-03-08
        Assignment assignment = stored(issued());
        Instant windowEnd = Instant.parse("2024-03-08T16:00:00Z");
        assertThat(assignment.snapshot().objectionDueAt()).isEqualTo(windowEnd);

        // when / then
        assertThatThrownBy(() -> assignment.object(UNIT, "不属本单位", windowEnd.plusSeconds(1)))
                .isInstanceOf(Conflict.class).hasMessageContaining("objection window closed");
        assertThat(assignment.status()).isEqualTo(AssignmentStatus.ASSIGNED);
        assignment.object(UNIT, "不属本单位", windowEnd);
        assertThat(assignment.status()).isEqualTo(AssignmentStatus.OBJECTED);
    }

    @Test
    void anUpheldObjectionCancelsTheAssignmentAndNamesTheNewOne() {
        // given
        Assignment assignment = objected();

        // when
        assignment.decideObjection(SUPERVISOR, true, "asg-2", NOW);

        // then
        assertThat(assignment.status()).isEqualTo(AssignmentStatus.CANCELLED);
        assertThat(assignment.snapshot().objection().reassignedAssignmentId()).isEqualTo("asg-2");
        assertThat(assignment.recordedEvents()).singleElement()
                .isInstanceOfSatisfying(AssignmentObjectionDecided.class, event -> {
                    assertThat(event.upheld()).isTrue();
                    assertThat(event.reassignedAssignmentId()).isEqualTo("asg-2");
                });
    }

    @Test
    void anObjectionIsUpheldOnlyWithSomewhereToSendTheMatter() {
        // given
        Assignment assignment = objected();

        // when / then
        assertThatThrownBy(() -> assignment.decideObjection(SUPERVISOR, true, null, NOW))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("reassignToUnitId");
        assertThat(assignment.status()).isEqualTo(AssignmentStatus.OBJECTED);
    }

    @Test
    void aSentBackReportNeedsANewDeadlineInTheFuture() {
        // given
        Assignment assignment = reported();
        Instant newDueAt = NOW.plus(Duration.ofDays(15));

        // when / then
        assertThatThrownBy(() -> assignment.review(SUPERVISOR, ReviewDecision.SEND_BACK, "答复不到位", null, NOW))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("newDueAt");
        assertThatThrownBy(() -> assignment.review(SUPERVISOR, ReviewDecision.SEND_BACK, "答复不到位", NOW, NOW))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("newDueAt");
        assertThat(assignment.status()).isEqualTo(AssignmentStatus.REPORTED);

        assignment.review(SUPERVISOR, ReviewDecision.SEND_BACK, "答复不到位", newDueAt, NOW);
        assertThat(assignment.status()).isEqualTo(AssignmentStatus.ACCEPTED);
        assertThat(assignment.dueAt()).isEqualTo(newDueAt);
        assertThat(assignment.snapshot().sendBacks()).isEqualTo(1);
        assertThat(assignment.recordedEvents()).singleElement().isInstanceOfSatisfying(AssignmentReviewed.class,
                event -> {
                    assertThat(event.decision()).isEqualTo("SEND_BACK");
                    assertThat(event.newDueAt()).isEqualTo(newDueAt);
                    assertThat(event.sendBacks()).isEqualTo(1);
                });
    }

    @Test
    void aTransfersFinalReportConcludesItWithoutReview() {
        // given
        Assignment transfer = accepted(AssignmentKind.TRANSFER);

        // when
        transfer.submitFinalReport(UNIT, FinalReport.Outcome.EDUCATED, false, "已解释政策", NOW, NOW);

        // then
        assertThat(transfer.status()).isEqualTo(AssignmentStatus.CONCLUDED);
        assertThat(transfer.recordedEvents()).extracting(Object::getClass)
                .containsExactly(AssignmentFinalReportSubmitted.class, AssignmentConcluded.class);
        assertThat(transfer.recordedEvents().get(1)).isInstanceOfSatisfying(AssignmentConcluded.class, event -> {
            assertThat(event.kind()).isEqualTo("TRANSFER");
            assertThat(event.resolved()).isFalse();
            assertThat(event.onTime()).isTrue();
        });
    }

    @Test
    void aReportAfterTheDeadlineConcludesLate() {
        // given
        Assignment assignment = accepted();
        Instant late = assignment.dueAt().plusSeconds(60);
        assignment.submitFinalReport(UNIT, FinalReport.Outcome.SOLVED, true, "已解决", late, late);

        // when
        assignment.review(SUPERVISOR, ReviewDecision.APPROVE, null, null, late);

        // then
        assertThat(assignment.recordedEvents().get(0)).isInstanceOfSatisfying(AssignmentFinalReportSubmitted.class,
                event -> assertThat(event.withinDeadline()).isFalse());
        assertThat(assignment.recordedEvents().get(2)).isInstanceOfSatisfying(AssignmentConcluded.class,
                event -> assertThat(event.onTime()).isFalse());
    }

    @Test
    void theReplyToThePetitionerCannotLieInTheFutureBeyondTheClockSkewTolerance() {
        // given
        Assignment assignment = accepted();

        // when / then
        assertThatThrownBy(() -> assignment.submitFinalReport(UNIT, FinalReport.Outcome.SOLVED, true, "已解决",
                NOW.plus(Duration.ofMinutes(10)), NOW)).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("repliedAt: must not be more than 5 minutes in the future");
        assertThat(assignment.status()).isEqualTo(AssignmentStatus.ACCEPTED);
    }

    @Test
    void progressNotesAreKeptInOrder() {
        // given
        Assignment assignment = accepted();

        // when
        assignment.reportProgress(UNIT, "note-1", "已约谈信访人", NOW);
        assignment.reportProgress(UNIT, "note-2", "已召开协调会", NOW.plusSeconds(60));

        // then
        assertThat(assignment.snapshot().progress()).extracting(ProgressNote::note)
                .containsExactly("已约谈信访人", "已召开协调会");
        assertThat(assignment.status()).isEqualTo(AssignmentStatus.ACCEPTED);
    }

    private static Assignment in(AssignmentStatus state, Action action) {
        switch (state) {
            case ASSIGNED:
                return stored(issued());
            case OBJECTED:
                return objected();
            case ACCEPTED:
                if (action == Action.DECIDE_EXTENSION) {
                    Assignment assignment = accepted();
                    assignment.requestExtension(UNIT, "ext-1", 10, "需协调多部门", NEXT_DAY);
                    return stored(assignment);
                }
                return accepted();
            case REPORTED:
                return reported();
            case CONCLUDED:
                return concluded();
            case CANCELLED:
                return cancelled();
            default:
                throw new IllegalArgumentException(state.name());
        }
    }

    private static void perform(Action action, Assignment assignment) {
        switch (action) {
            case ACCEPT -> assignment.accept(UNIT, NOW, NOW);
            case OBJECT -> assignment.object(UNIT, "不属本单位职责", NOW);
            case DECIDE_OBJECTION -> assignment.decideObjection(SUPERVISOR, false, null, NOW);
            case REPORT_PROGRESS -> assignment.reportProgress(UNIT, "note-1", "已约谈信访人", NOW);
            case REQUEST_EXTENSION -> assignment.requestExtension(UNIT, "ext-2", 5, "需协调多部门", NOW);
            case DECIDE_EXTENSION -> assignment.decideExtension(SUPERVISOR, "ext-1", true, null, NOW);
            case SUBMIT_FINAL_REPORT -> assignment.submitFinalReport(UNIT, FinalReport.Outcome.SOLVED, true, "已解决",
                    NOW, NOW);
            case REVIEW -> assignment.review(SUPERVISOR, ReviewDecision.APPROVE, null, null, NOW);
            case CANCEL -> assignment.cancel(SUPERVISOR, "重复交办", NOW);
            default -> throw new IllegalArgumentException(action.name());
        }
    }
}
