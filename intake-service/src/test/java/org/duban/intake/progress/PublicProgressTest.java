package org.duban.intake.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.duban.intake.assignment.Assignment;
import org.duban.intake.assignment.AssignmentKind;
import org.duban.intake.assignment.DeadlinePolicy;
import org.duban.intake.assignment.FinalReport;
import org.duban.intake.assignment.ReviewDecision;
import org.duban.intake.cases.PetitionCase;
import org.duban.intake.cases.PetitionCaseSnapshot;
import org.duban.intake.cases.RegisterCase;
import org.duban.intake.cases.PetitionCase.Category;
import org.duban.intake.cases.PetitionCase.Channel;
import org.duban.intake.cases.PetitionCase.Origin;
import org.duban.intake.cases.PetitionCase.Petitioner;
import org.duban.intake.unit.ResponsibleUnit.UnitKind;
import org.duban.platform.domain.Caller;
import org.junit.jupiter.api.Test;

/**
 * What a petitioner sees of the matter with the query code (办理进度): the stages with their times, the
 * kind of body it went to, the deadline now running — and of a whistleblowing matter only that it was
 * received.
 */
class PublicProgressTest {

    private static final ZoneId OFFICE = ZoneId.of("Asia/Shanghai");
    private static final Instant REGISTERED = Instant.parse("2026-12-01T01:30:00Z");
    private static final Instant ISSUED = REGISTERED.plus(Duration.ofMinutes(35));
    private static final DeadlinePolicy POLICY = new DeadlinePolicy(15, 60, 60, OFFICE);
    private static final Caller SUPERVISOR = Caller.supervisor("zhang.wei");
    private static final Caller STREET = Caller.unit("wang.fang", "unit-street");
    private static final Map<String, UnitKind> KINDS = Map.of("unit-street", UnitKind.SUB_DISTRICT,
            "unit-housing", UnitKind.DEPARTMENT);

    @Test
    void aMatterNotYetAssignedShowsThatItWasReceivedAndNoDeadline() {
        // when
        PublicProgress progress = PublicProgress.of(matter(false), List.of(), KINDS::get);

        // then
        assertThat(progress.stages()).containsExactly(new ProgressStep(ProgressStage.REGISTERED, REGISTERED, null));
        assertThat(progress.dueAt()).isNull();
    }

    @Test
    void anAssignmentAcceptedAndExtendedShowsTheKindOfBodyTheDatesAndTheDeadlineNowRunning() {
        // given
        Assignment assignment = issue("asg-1", "unit-street", AssignmentKind.ASSIGN, ISSUED);
        Instant accepted = ISSUED.plus(Duration.ofDays(1));
        assignment.accept(STREET, accepted, accepted);
        Instant asked = ISSUED.plus(Duration.ofDays(20));
        assignment.requestExtension(STREET, "ext-1", 10, "需协调住建、街道多部门", asked);
        Instant approved = asked.plus(Duration.ofDays(1));
        assignment.decideExtension(SUPERVISOR, "ext-1", true, "同意", approved);

        // when
        PublicProgress progress = PublicProgress.of(matter(false), List.of(assignment.snapshot()), KINDS::get);

        // then
        assertThat(progress.stages()).containsExactly(
                new ProgressStep(ProgressStage.REGISTERED, REGISTERED, null),
                new ProgressStep(ProgressStage.ASSIGNED, ISSUED, UnitKind.SUB_DISTRICT),
                new ProgressStep(ProgressStage.ACCEPTED, accepted, null),
                new ProgressStep(ProgressStage.EXTENDED, approved, null));
        assertThat(progress.dueAt()).isEqualTo(assignment.dueAt())
                .isEqualTo(POLICY.deadlinesFor(AssignmentKind.ASSIGN, ISSUED, null).dueAt().plus(Duration.ofDays(10)));
    }

    @Test
    void aConcludedTransferShowsItsReportAndConclusionAndNoDeadlineRuns() {
        // given
        Assignment transfer = issue("asg-1", "unit-housing", AssignmentKind.TRANSFER, ISSUED);
        Instant accepted = ISSUED.plus(Duration.ofDays(2));
        transfer.accept(STREET, accepted, accepted);
        Instant reported = ISSUED.plus(Duration.ofDays(19));
        transfer.submitFinalReport(STREET, FinalReport.Outcome.SOLVED, true, "已协调解决", reported, reported);

        // when
        PublicProgress progress = PublicProgress.of(matter(false), List.of(transfer.snapshot()), KINDS::get);

        // then
        assertThat(progress.stages()).extracting(ProgressStep::stage).containsExactly(ProgressStage.REGISTERED,
                ProgressStage.TRANSFERRED, ProgressStage.ACCEPTED, ProgressStage.REPORTED, ProgressStage.CONCLUDED);
        assertThat(progress.stages().get(1).bodyKind()).isEqualTo(UnitKind.DEPARTMENT);
        assertThat(progress.stages().get(4).at()).isEqualTo(reported);
        assertThat(progress.dueAt()).isNull();
    }

    @Test
    void aWhistleblowingMatterShowsOnlyThatItWasReceivedWhateverHappenedSince() {
        // given
        Assignment assignment = issue("asg-1", "unit-housing", AssignmentKind.ASSIGN, ISSUED);
        assignment.accept(STREET, ISSUED.plusSeconds(60), ISSUED.plusSeconds(60));

        // when
        PublicProgress progress = PublicProgress.of(matter(true), List.of(assignment.snapshot()), KINDS::get);

        // then
        assertThat(progress.stages()).containsExactly(new ProgressStep(ProgressStage.REGISTERED, REGISTERED, null));
        assertThat(progress.dueAt()).isNull();
    }

    @Test
    void anAssignmentObjectedToAndSentElsewhereIsLeftOutAndTheNewOneShown() {
        // given: the street objects, a supervisor upholds it and the matter goes to the housing department
        Assignment first = issue("asg-1", "unit-street", AssignmentKind.ASSIGN, ISSUED);
        Instant objected = ISSUED.plus(Duration.ofDays(1));
        first.object(STREET, "不属本单位职责", objected);
        Instant decided = objected.plus(Duration.ofHours(3));
        first.decideObjection(SUPERVISOR, true, "asg-2", decided);
        Assignment second = issue("asg-2", "unit-housing", AssignmentKind.ASSIGN, decided);

        // when
        PublicProgress progress = PublicProgress.of(matter(false), List.of(second.snapshot(), first.snapshot()),
                KINDS::get);

        // then
        assertThat(progress.stages()).containsExactly(
                new ProgressStep(ProgressStage.REGISTERED, REGISTERED, null),
                new ProgressStep(ProgressStage.ASSIGNED, decided, UnitKind.DEPARTMENT));
        assertThat(progress.dueAt()).isEqualTo(second.dueAt());
    }

    @Test
    void aReportSentBackIsNoLongerShownAndTheNewDeadlineRuns() {
        // given
        Assignment assignment = issue("asg-1", "unit-street", AssignmentKind.ASSIGN, ISSUED);
        Instant accepted = ISSUED.plus(Duration.ofDays(1));
        assignment.accept(STREET, accepted, accepted);
        Instant reported = ISSUED.plus(Duration.ofDays(30));
        assignment.submitFinalReport(STREET, FinalReport.Outcome.EDUCATED, false, "已解释政策", reported, reported);
        Instant newDueAt = reported.plus(Duration.ofDays(15));
        assignment.review(SUPERVISOR, ReviewDecision.SEND_BACK, "答复不到位", newDueAt, reported.plusSeconds(3600));

        // when
        PublicProgress progress = PublicProgress.of(matter(false), List.of(assignment.snapshot()), KINDS::get);

        // then
        assertThat(progress.stages()).extracting(ProgressStep::stage)
                .containsExactly(ProgressStage.REGISTERED, ProgressStage.ASSIGNED, ProgressStage.ACCEPTED);
        assertThat(progress.dueAt()).isEqualTo(newDueAt);
    }

    @Test
    void theDeadlineRunningIsTheEarliestOfTheAssignmentsStillHandled() {
        // given: two units share the matter; one has reported, the other not yet
        Assignment street = issue("asg-1", "unit-street", AssignmentKind.ASSIGN, ISSUED);
        Assignment housing = issue("asg-2", "unit-housing", AssignmentKind.ASSIGN, ISSUED.plus(Duration.ofDays(3)));
        Instant accepted = ISSUED.plus(Duration.ofDays(1));
        street.accept(STREET, accepted, accepted);
        street.submitFinalReport(STREET, FinalReport.Outcome.SOLVED, true, "已解决", accepted, accepted);

        // when
        PublicProgress progress = PublicProgress.of(matter(false), List.of(housing.snapshot(), street.snapshot()),
                KINDS::get);

        // then
        assertThat(progress.dueAt()).isEqualTo(housing.dueAt());
        assertThat(progress.stages()).extracting(ProgressStep::stage).containsExactly(ProgressStage.REGISTERED,
                ProgressStage.ASSIGNED, ProgressStage.ACCEPTED, ProgressStage.REPORTED, ProgressStage.ASSIGNED);
    }

    private static Assignment issue(String id, String unitId, AssignmentKind kind, Instant at) {
        return Assignment.issue(id, new Assignment.IssuedMatter("case-1", "URBAN_RURAL_CONSTRUCTION", false), unitId,
                kind, POLICY.deadlinesFor(kind, at, null), "请依法处理", SUPERVISOR);
    }

    private static PetitionCase matter(boolean whistleblowing) {
        return PetitionCase.restore(new PetitionCaseSnapshot("case-1", new RegisterCase("小区加装电梯纠纷",
                "反映加装电梯协调不力", Channel.VISIT, Origin.SELF, Category.URBAN_RURAL_CONSTRUCTION,
                new Petitioner("李某", null, "13800000000"), false, whistleblowing,
                whistleblowing ? List.of("unit-street") : List.of(), true, false, null, null), "hash", REGISTERED, 0));
    }
}
