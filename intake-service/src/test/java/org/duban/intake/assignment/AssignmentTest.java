package org.duban.intake.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.duban.intake.assignment.AssignmentFixtures.ISSUED;
import static org.duban.intake.assignment.AssignmentFixtures.POLICY;
import static org.duban.intake.assignment.AssignmentFixtures.SUPERVISOR;
import static org.duban.intake.assignment.AssignmentFixtures.UNIT;
import static org.duban.intake.assignment.AssignmentFixtures.issued;
import static org.duban.intake.assignment.AssignmentFixtures.stored;

import java.time.Duration;
import java.time.Instant;

import org.duban.contracts.events.AssignmentAccepted;
import org.duban.contracts.events.AssignmentIssued;
import org.duban.platform.domain.ClockSkewTolerance;
import org.duban.platform.domain.InvalidInput;
import org.duban.platform.domain.ReportedTimes;
import org.duban.platform.domain.StateConflict;
import org.junit.jupiter.api.Test;

class AssignmentTest {

    private static final ReportedTimes TOLERANT = new ReportedTimes(ClockSkewTolerance.DEFAULT, AssignmentFixtures.OFFICE);
    private static final ReportedTimes STRICT = new ReportedTimes(new ClockSkewTolerance(Duration.ZERO),
            AssignmentFixtures.OFFICE);

    @Test
    void issuingRecordsTheFactsOfTheMatterAndTheDeadlines() {
        // when
        Assignment assignment = issued();

        // then
        assertThat(assignment.status()).isEqualTo(AssignmentStatus.ASSIGNED);
        assertThat(assignment.recordedEvents()).singleElement().isInstanceOfSatisfying(AssignmentIssued.class, event -> {
            assertThat(event.caseId()).isEqualTo("case-1");
            assertThat(event.prominent()).isTrue();
            assertThat(event.acceptanceDueAt()).isEqualTo(assignment.acceptanceDueAt());
            assertThat(event.actor().role()).isEqualTo("SUPERVISOR");
        });
    }

    @Test
    void acceptingBeforeTheAcceptanceDeadlineCountsAsTimely() {
        // given
        Assignment assignment = stored(issued());
        Instant now = ISSUED.plus(Duration.ofDays(3));

        // when
        assignment.accept(UNIT, now.minus(Duration.ofHours(1)), now);

        // then
        assertThat(assignment.status()).isEqualTo(AssignmentStatus.ACCEPTED);
        assertThat(assignment.acceptedAt()).isEqualTo(now);
        assertThat(assignment.recordedEvents()).singleElement().isInstanceOfSatisfying(AssignmentAccepted.class,
                event -> {
                    assertThat(event.withinDeadline()).isTrue();
                    assertThat(event.actor().unitId()).isEqualTo("unit-1");
                });
    }

    @Test
    void acceptingAfterTheAcceptanceDeadlineIsRecordedAsLate() {
        // given
        Assignment assignment = stored(issued());
        Instant late = assignment.acceptanceDueAt().plusSeconds(1);

        // when
        assignment.accept(UNIT, late, late);

        // then
        assertThat(((AssignmentAccepted) assignment.recordedEvents().get(0)).withinDeadline()).isFalse();
    }

    @Test
    void acceptingExactlyAtTheDeadlineIsStillTimely() {
        // given
        Assignment assignment = stored(issued());
        Instant deadline = assignment.acceptanceDueAt();

        // when
        assignment.accept(UNIT, deadline, deadline);

        // then
        assertThat(((AssignmentAccepted) assignment.recordedEvents().get(0)).withinDeadline()).isTrue();
    }

    @Test
    void anAcceptedAssignmentCannotBeAcceptedAgainAndStaysUnchanged() {
        // given
        Assignment assignment = stored(issued());
        Instant now = ISSUED.plus(Duration.ofDays(1));
        assignment.accept(UNIT, now, now);

        // when / then
        assertThatThrownBy(() -> assignment.accept(UNIT, now, now.plusSeconds(5)))
                .isInstanceOf(StateConflict.class)
                .hasMessageContaining("ACCEPTED")
                .satisfies(e -> assertThat(((StateConflict) e).state()).isEqualTo("ACCEPTED"));
        assertThat(assignment.acceptedAt()).isEqualTo(now);
        assertThat(assignment.recordedEvents()).hasSize(1);
    }

    @Test
    void aNoticeTypedToTheMinuteOfTheIssueIsNotBeforeIt() {
        // given: issued half a minute into 10:00; the unit's form says the notice went out "now", at 10:00
        Instant issuedMidMinute = ISSUED.plusSeconds(30);
        Assignment assignment = Assignment.issue("asg-2", new Assignment.IssuedMatter("case-1", "REAL_ESTATE", true),
                "unit-1", AssignmentKind.ASSIGN, POLICY.deadlinesFor(AssignmentKind.ASSIGN, issuedMidMinute, null), null,
                SUPERVISOR);

        // when
        assignment.accept(UNIT, ISSUED, issuedMidMinute.plusSeconds(5));

        // then
        assertThat(assignment.status()).isEqualTo(AssignmentStatus.ACCEPTED);
        assertThat(assignment.snapshot().noticeSentAt()).isEqualTo(ISSUED);
    }

    @Test
    void aNoticeSentTheCurrentSecondRightAfterTheIssueIsTakenEvenWithoutTolerance() {
        // given: issued at 10:00:00.456; the unit's system sends the current second, 10:00:00
        Instant issuedWithMillis = ISSUED.plusMillis(456);
        Assignment assignment = Assignment.issue("asg-3", new Assignment.IssuedMatter("case-1", "REAL_ESTATE", true),
                "unit-1", AssignmentKind.ASSIGN, POLICY.deadlinesFor(AssignmentKind.ASSIGN, issuedWithMillis, null),
                null, SUPERVISOR);

        // when
        assignment.accept(UNIT, ISSUED, issuedWithMillis.plusMillis(200), STRICT);

        // then
        assertThat(assignment.status()).isEqualTo(AssignmentStatus.ACCEPTED);
    }

    @Test
    void aUnitClockAFewMinutesOffIsForgivenWithinTheTolerance() {
        // given
        Assignment assignment = stored(issued());
        Instant now = ISSUED.plusSeconds(10);

        // when: the unit's clock is four minutes behind the platform's
        assignment.accept(UNIT, now.minus(Duration.ofMinutes(4)).plusMillis(1), now, TOLERANT);

        // then
        assertThat(assignment.status()).isEqualTo(AssignmentStatus.ACCEPTED);
    }

    @Test
    void theAcceptanceNoticeCannotBeSentBeyondTheToleranceInTheFutureOrBeforeTheIssueAndTheRefusalNamesTheBound() {
        // given
        Assignment assignment = stored(issued());
        Instant now = ISSUED.plus(Duration.ofDays(1));

        // when / then
        assertThatThrownBy(() -> assignment.accept(UNIT, now.plus(Duration.ofMinutes(10)), now, TOLERANT))
                .isInstanceOfSatisfying(InvalidInput.class, refused -> assertThat(refused.problems()).containsExactly(
                        new InvalidInput.FieldProblem("noticeSentAt", "must not be more than 5 minutes in the future")));
        assertThatThrownBy(() -> assignment.accept(UNIT, ISSUED.minus(Duration.ofHours(1)), now, TOLERANT))
                .isInstanceOfSatisfying(InvalidInput.class, refused -> assertThat(refused.problems()).containsExactly(
                        new InvalidInput.FieldProblem("noticeSentAt",
                                "must not be before the assignment was issued (2024-03-01T02:00:00Z)")));
        assertThatThrownBy(() -> assignment.accept(UNIT, now.plusMillis(1), now, STRICT))
                .isInstanceOf(InvalidInput.class);
        assertThat(assignment.status()).isEqualTo(AssignmentStatus.ASSIGNED);
        assertThat(assignment.recordedEvents()).isEmpty();
    }

    @Test
    void theReplyToThePetitionerIsJudgedLikeTheNoticeAndARefusalChangesNothing() {
        // given
        Assignment assignment = AssignmentFixtures.accepted();
        Instant now = ISSUED.plus(Duration.ofDays(2));

        // when / then
        assertThatThrownBy(() -> assignment.submitFinalReport(UNIT, FinalReport.Outcome.SOLVED, true, "已解决",
                now.plus(Duration.ofMinutes(10)), now, TOLERANT))
                .isInstanceOfSatisfying(InvalidInput.class, refused -> assertThat(refused.problems()).containsExactly(
                        new InvalidInput.FieldProblem("repliedAt", "must not be more than 5 minutes in the future")));
        assertThatThrownBy(() -> assignment.submitFinalReport(UNIT, FinalReport.Outcome.SOLVED, true, "已解决",
                ISSUED.minus(Duration.ofDays(1)), now, TOLERANT))
                .hasMessageContaining("repliedAt: must not be before the assignment was issued");
        assertThat(assignment.status()).isEqualTo(AssignmentStatus.ACCEPTED);
        assertThat(assignment.recordedEvents()).isEmpty();

        // a reply typed as a day, the office's midnight of the day of the issue, is not before the issue
        Instant dayOfTheIssue = Instant.parse("2024-02-29T16:00:00Z");
        assignment.submitFinalReport(UNIT, FinalReport.Outcome.SOLVED, true, "已解决", dayOfTheIssue, now, STRICT);
        assertThat(assignment.status()).isEqualTo(AssignmentStatus.REPORTED);
    }
}
