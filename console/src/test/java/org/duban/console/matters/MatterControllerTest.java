package org.duban.console.matters;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import org.duban.client.intake.model.AssignmentKind;
import org.duban.client.intake.model.AssignmentStatus;
import org.duban.client.intake.model.Evaluation;
import org.duban.client.intake.model.IssueAssignmentRequest;
import org.duban.client.intake.model.EvaluationRating;
import org.duban.client.intake.model.Rating;
import org.duban.client.intake.model.RecordEvaluationRequest;
import org.duban.console.ConsoleFixtures;
import org.duban.console.ConsoleTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.console.matters.MattersFixtures.CASE_ID;
import static org.duban.console.security.local.SignedInUsers.leader;
import static org.duban.console.security.local.SignedInUsers.supervisor;
import static org.duban.console.security.local.SignedInUsers.unit;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class MatterControllerTest extends ConsoleTest {

    private static final String ACCUSES = """
            {"type":"urn:duban:problem:conflict","status":409,
             "detail":"case case-1 accuses unit unit-jy: a whistleblowing matter is never sent to a unit it accuses"}""";
    private static final String NOT_CONCLUDED = """
            {"type":"urn:duban:problem:conflict","status":409,
             "detail":"case case-1 has no concluded assignment: only a concluded matter can be evaluated"}""";

    @BeforeEach
    void aMatterWithOneAssignmentOneEvaluationAndItsHistory() {
        when(cases.getCase(CASE_ID)).thenReturn(MattersFixtures.matter());
        when(assignments.listAssignments(any(), any(), eq(CASE_ID), any(), any(), any())).thenReturn(
                MattersFixtures.assignmentPage(List.of(MattersFixtures.assignment("asg-1", AssignmentStatus.ACCEPTED))));
        when(evaluations.listEvaluations(CASE_ID)).thenReturn(MattersFixtures.evaluations(
                MattersFixtures.evaluation("ev-2", EvaluationRating.SATISFIED, Evaluation.ChannelEnum.PUBLIC, true),
                MattersFixtures.evaluation("ev-1", EvaluationRating.DISSATISFIED, Evaluation.ChannelEnum.SUPERVISOR, false)));
        when(timelines.getTimeline(CASE_ID)).thenReturn(MattersFixtures.timeline());
        when(timelines.verifyTimeline(CASE_ID)).thenReturn(MattersFixtures.intact());
    }

    // --- the page -------------------------------------------------------------------------------

    @Test
    void aSupervisorSeesTheMatterWithItsPetitionerFlagsAndLeaderInCharge() throws Exception {
        // when
        Document matter = page(get("/matters/case-1").with(supervisor()));

        // then
        assertThat(matter.select("h1").text()).isEqualTo("小区加装电梯纠纷");
        assertThat(matter.select(".page-heading").text()).contains("事项编号 case-1", "登记于 2026-11-23 10:00", "突出信访问题");
        assertThat(matter.select("#details").text()).contains("来访", "本级", "城乡建设", "初次信访", "王副区长");
        assertThat(matter.select("#petitioner").text()).contains("张三", "330102199001011234", "13800000000");
        assertThat(matter.text()).contains("信访人反映小区加装电梯意见不一。");
    }

    @Test
    void aWhistleblowingRepeatPetitionNamesTheAccusedUnitsAndLinksThePreviousMatter() throws Exception {
        // given
        when(cases.getCase(CASE_ID)).thenReturn(MattersFixtures.whistleblowingMatter());

        // when
        Document matter = page(get("/matters/case-1").with(supervisor()));

        // then
        assertThat(matter.select(".page-heading .tag").eachText())
                .containsExactly("突出信访问题", "检举揭发", "重复信访", "积案");
        assertThat(matter.select("#accused-units").text()).isEqualTo("区教育局");
        assertThat(matter.select("#details a[href='/matters/case-0']").text()).isEqualTo("case-0");
        assertThat(matter.select("#assignments .flash--warning").text()).contains("不得交办或转送给被检举单位：区教育局");
    }

    @Test
    void theAssignmentsShowTheUnitByNameTheirStateAndTheDaysLeftAndLinkToTheAssignment() throws Exception {
        // given: accepted, so only the result deadline still runs
        OffsetDateTime dueAt = OffsetDateTime.now().atZoneSameInstant(ZoneId.of("Asia/Shanghai")).plusDays(40)
                .plusHours(12).toOffsetDateTime(); // mid-day: 40 whole days left whenever the test runs
        when(assignments.listAssignments(any(), any(), eq(CASE_ID), any(), any(), any())).thenReturn(
                MattersFixtures.assignmentPage(List.of(
                        MattersFixtures.assignment("asg-1", AssignmentStatus.ACCEPTED).dueAt(dueAt),
                        MattersFixtures.assignment("asg-0", AssignmentStatus.ASSIGNED).kind(AssignmentKind.TRANSFER)
                                .acceptanceDueAt(OffsetDateTime.now().minusDays(2).plusHours(12)))));

        // when
        Document matter = page(get("/matters/case-1").with(supervisor()));

        // then
        verify(assignments).listAssignments(null, null, CASE_ID, null, 0, 100);
        assertThat(matter.select("#assignments tbody tr")).hasSize(2);
        String accepted = matter.select("#assignments tbody tr").get(0).text();
        assertThat(accepted).contains("交办", "城关街道办事处", "办理中", "剩 40 天");
        assertThat(accepted).doesNotContain("超期");
        assertThat(matter.select("#assignments tbody tr").get(1).text()).contains("转送", "待签收", "超期 2 天");
        assertThat(matter.select("#assignments a[href='/assignments/asg-1']")).hasSize(1);
    }

    @Test
    void theEvaluationsShowTheCurrentOneFlaggedWithItsChannelAndComment() throws Exception {
        // when
        Document matter = page(get("/matters/case-1").with(supervisor()));

        // then
        assertThat(matter.select("#evaluations tbody tr")).hasSize(2);
        assertThat(matter.select("#evaluations tbody tr").get(0).text())
                .contains("满意", "当前评价", "信访人凭查询码评价", "对处理结果满意");
        assertThat(matter.select("#evaluations tbody tr").get(1).text()).contains("不满意", "督查督办科录入");
        assertThat(matter.select("#evaluations tbody tr").get(1).select(".tag")).isEmpty();
        assertThat(matter.select("#evaluations input[name=rating]").eachAttr("value"))
                .containsExactly("SATISFIED", "BASICALLY_SATISFIED", "DISSATISFIED");
        assertThat(matter.select("#evaluations label[for=rating-BASICALLY_SATISFIED]").text()).isEqualTo("基本满意");
    }

    @Test
    void aMatterLeftUnratedShowsThePlatformsRecordAsCurrentAndTheRatingFormStillTakesALateRating() throws Exception {
        // given
        when(evaluations.listEvaluations(CASE_ID)).thenReturn(MattersFixtures.evaluations(MattersFixtures.evaluation(
                "ev-u", EvaluationRating.OVERDUE_UNRATED, Evaluation.ChannelEnum.SYSTEM, true).comment(null)));

        // when
        Document matter = page(get("/matters/case-1").with(supervisor()));

        // then
        assertThat(matter.select("#evaluations tbody tr").get(0).text())
                .contains("超期未评价", "当前评价", "评价期满，平台记录");
        assertThat(matter.select("#evaluations input[name=rating]").eachAttr("value"))
                .as("超期未评价 is never entered by hand").containsExactly("SATISFIED", "BASICALLY_SATISFIED", "DISSATISFIED");
        assertThat(matter.select("#lawyer-participation a").attr("href")).isEqualTo("/lawyers/participations?caseId=case-1");
    }

    @Test
    void theTimelineIsOldestFirstWithTheRoleInChineseAndTheUnitByNameAndSaysTheChainHolds() throws Exception {
        // when
        Document matter = page(get("/matters/case-1").with(leader()));

        // then
        assertThat(matter.select("#timeline li")).hasSize(2);
        assertThat(matter.select("#timeline li").get(0).text()).contains("2026-11-23 10:00", "督查督办科", "zhang.wei",
                "登记信访事项");
        assertThat(matter.select("#timeline li").get(1).text()).contains("2026-11-23 11:00", "交办（办结期限 2027-01-12）",
                "责任单位：城关街道办事处");
        assertThat(matter.select("#timeline .chain--intact .tag--ok").text()).isEqualTo("轨迹完整，未被篡改");
        assertThat(matter.select("#timeline .chain--broken")).isEmpty();
    }

    @Test
    void aBrokenHashChainIsSaidInRedWithTheFirstBrokenEntry() throws Exception {
        // given
        when(timelines.verifyTimeline(CASE_ID)).thenReturn(MattersFixtures.brokenAt(2));

        // when
        Document matter = page(get("/matters/case-1").with(supervisor()));

        // then
        assertThat(matter.select("#timeline .chain--broken").text()).contains("第 2 条记录校验不通过");
        assertThat(matter.select("#timeline .chain--broken").attr("role")).isEqualTo("alert");
        assertThat(matter.select("#timeline .tag--ok")).isEmpty();
        assertThat(matter.select("#entry-2").hasClass("timeline__entry--broken")).isTrue();
        assertThat(matter.select("#entry-1").hasClass("timeline__entry--broken")).isFalse();
    }

    @Test
    void aMatterWhoseHistoryIsNotRecordedYetStillShowsAndSaysSo() throws Exception {
        // given
        when(timelines.getTimeline(CASE_ID)).thenThrow(ConsoleFixtures.refusal(404, """
                {"type":"urn:duban:problem:not-found","status":404,"detail":"no timeline of matter case-1"}"""));

        // when
        Document matter = page(get("/matters/case-1").with(supervisor()));

        // then
        assertThat(matter.select("h1").text()).isEqualTo("小区加装电梯纠纷");
        assertThat(matter.select("#timeline .empty").text()).contains("尚无办理轨迹", "稍后刷新");
        verify(timelines, never()).verifyTimeline(any());
    }

    @Test
    void aMatterWhoseHistoryCannotBeReadNowStillShowsAndSaysSo() throws Exception {
        // given
        when(timelines.getTimeline(CASE_ID)).thenThrow(ConsoleFixtures.unavailable());

        // when
        Document matter = page(get("/matters/case-1").with(supervisor()));

        // then
        assertThat(matter.select("#details")).isNotEmpty();
        assertThat(matter.select("#timeline .empty").text()).contains("办理轨迹暂时无法读取");
    }

    @Test
    void aLeaderReadsTheMatterWithoutPetitionerEvaluationsOrForms() throws Exception {
        // given
        when(cases.getCase(CASE_ID)).thenReturn(MattersFixtures.matterWithoutPetitioner());

        // when
        Document matter = page(get("/matters/case-1").with(leader()));

        // then
        assertThat(matter.select("h1").text()).isEqualTo("小区加装电梯纠纷");
        assertThat(matter.select("#petitioner")).isEmpty();
        assertThat(matter.text()).doesNotContain("张三");
        assertThat(matter.select("#evaluations")).isEmpty();
        assertThat(matter.select("form[method=post]")).as("only the sign-out form").hasSize(1);
        assertThat(matter.select("#assignments tbody tr")).hasSize(1);
        verify(evaluations, never()).listEvaluations(any());
    }

    @Test
    void aLeaderNeverSeesAPetitionerEvenIfTheApiSentOne() throws Exception {
        // when
        Document matter = page(get("/matters/case-1").with(leader()));

        // then
        assertThat(matter.select("#petitioner")).isEmpty();
        assertThat(matter.text()).doesNotContain("330102199001011234");
    }

    @Test
    void aMatterThatDoesNotExistIsTheNotFoundPage() throws Exception {
        // given
        when(cases.getCase("case-x")).thenThrow(ConsoleFixtures.refusal(404, """
                {"type":"urn:duban:problem:not-found","status":404,"detail":"no matter case-x"}"""));

        // when
        Document page = page(get("/matters/case-x").with(supervisor()));

        // then
        assertThat(page.select("h1").text()).isEqualTo("未找到");
    }

    @Test
    void aUnitIsAnsweredTheNotFoundPageAndCanPostNothing() throws Exception {
        String unitId = ConsoleFixtures.CHENGGUAN.getId();
        mvc.perform(get("/matters/case-1").with(unit(unitId))).andExpect(status().isNotFound());
        mvc.perform(post("/matters/case-1/assignments").with(unit(unitId)).with(csrf()).param("unitId", unitId))
                .andExpect(status().isNotFound());
        mvc.perform(post("/matters/case-1/evaluations").with(unit(unitId)).with(csrf()).param("rating", "SATISFIED"))
                .andExpect(status().isNotFound());
        verify(cases, never()).getCase(any());
    }

    // --- 交办 / 转送 ------------------------------------------------------------------------------

    @Test
    void theIssueFormOffersEveryUnitByNameBothKindsWithTheirDifferenceAndTheDeadlineHint() throws Exception {
        // when
        Document matter = page(get("/matters/case-1").with(supervisor()));

        // then
        assertThat(matter.select("#field-unitId option").eachText()).containsExactly("请选择责任单位", "城关街道办事处", "区教育局");
        assertThat(matter.select("#field-kind input[name=kind]").eachAttr("value")).containsExactly("ASSIGN", "TRANSFER");
        assertThat(matter.select("#field-kind input[checked]")).as("the kind is chosen, never assumed").isEmpty();
        assertThat(matter.select("#hint-kind-ASSIGN").text()).contains("办结报告", "审核");
        assertThat(matter.select("#hint-kind-TRANSFER").text()).contains("无需审核");
        assertThat(matter.select("#hint-dueAt").text()).contains("60 天");
        assertThat(matter.select("form[action='/matters/case-1/assignments']").attr("data-confirm")).isNotBlank();
        assertThat(matter.select("form[action='/matters/case-1/assignments'] input[name=idempotencyKey]").val())
                .isNotBlank();
    }

    @Test
    void aSupervisorIssuesAnAssignmentWithTheDayAsTheEndOfThatDayInOfficeTime() throws Exception {
        // given
        when(assignments.issueAssignment(eq(CASE_ID), any(), anyString()))
                .thenReturn(MattersFixtures.assignment("asg-2", AssignmentStatus.ASSIGNED));

        // when
        mvc.perform(post("/matters/case-1/assignments").with(supervisor()).with(csrf())
                        .param("unitId", "unit-cg").param("kind", "ASSIGN").param("dueAt", "2027-01-20")
                        .param("instructions", " 请于期限内办结并报送办结报告。 ").param("idempotencyKey", "key-a"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/matters/case-1"))
                .andExpect(flash().attribute("flash", "matters.issued.ASSIGN"));

        // then
        ArgumentCaptor<IssueAssignmentRequest> sent = ArgumentCaptor.forClass(IssueAssignmentRequest.class);
        verify(assignments).issueAssignment(eq(CASE_ID), sent.capture(), eq("key-a"));
        assertThat(sent.getValue()).isEqualTo(new IssueAssignmentRequest().unitId("unit-cg").kind(AssignmentKind.ASSIGN)
                .dueAt(OffsetDateTime.parse("2027-01-20T23:59:59+08:00")).instructions("请于期限内办结并报送办结报告。"));
    }

    @Test
    void aTransferWithoutADeadlineLeavesItToOfficePolicy() throws Exception {
        // given
        when(assignments.issueAssignment(eq(CASE_ID), any(), anyString()))
                .thenReturn(MattersFixtures.assignment("asg-3", AssignmentStatus.ASSIGNED).kind(AssignmentKind.TRANSFER));

        // when
        mvc.perform(post("/matters/case-1/assignments").with(supervisor()).with(csrf())
                        .param("unitId", "unit-jy").param("kind", "TRANSFER").param("dueAt", "")
                        .param("instructions", "").param("idempotencyKey", "key-b"))
                .andExpect(flash().attribute("flash", "matters.issued.TRANSFER"));

        // then
        verify(assignments).issueAssignment(CASE_ID,
                new IssueAssignmentRequest().unitId("unit-jy").kind(AssignmentKind.TRANSFER), "key-b");
    }

    @Test
    void sendingAWhistleblowingMatterToTheAccusedUnitIsRefusedWithTheFormKept() throws Exception {
        // given
        when(cases.getCase(CASE_ID)).thenReturn(MattersFixtures.whistleblowingMatter());
        when(assignments.issueAssignment(eq(CASE_ID), any(), anyString())).thenThrow(ConsoleFixtures.refusal(409, ACCUSES));

        // when
        Document matter = page(post("/matters/case-1/assignments").with(supervisor()).with(csrf())
                .param("unitId", "unit-jy").param("kind", "ASSIGN").param("dueAt", "2027-01-20")
                .param("instructions", "请核查。").param("idempotencyKey", "key-c"));

        // then
        assertThat(matter.select("#assignments .error-summary__title").text())
                .isEqualTo("该信访事项检举揭发了这个单位：检举揭发件不得交办或转送给被检举单位。");
        assertThat(matter.select("#evaluations .error-summary")).isEmpty();
        assertThat(matter.select("#field-unitId option[selected]").val()).isEqualTo("unit-jy");
        assertThat(matter.select("#kind-ASSIGN").hasAttr("checked")).isTrue();
        assertThat(matter.select("#field-dueAt").val()).isEqualTo("2027-01-20");
        assertThat(matter.select("#field-instructions").text()).isEqualTo("请核查。");
        assertThat(matter.select("form[action='/matters/case-1/assignments'] input[name=idempotencyKey]").val())
                .isEqualTo("key-c");
    }

    @Test
    void aRefusedFieldOfTheIssueFormIsShownBesideIt() throws Exception {
        // given
        when(assignments.issueAssignment(eq(CASE_ID), any(), anyString())).thenThrow(ConsoleFixtures.invalid("dueAt",
                "must lie after the acceptance deadline 2026-12-18T10:00:00Z"));

        // when
        Document matter = page(post("/matters/case-1/assignments").with(supervisor()).with(csrf())
                .param("unitId", "unit-cg").param("kind", "ASSIGN").param("dueAt", "2026-12-05")
                .param("idempotencyKey", "key-d"));

        // then
        assertThat(matter.select("#error-dueAt").text()).isEqualTo("办结期限应晚于受理期限");
        assertThat(matter.select("#field-dueAt").val()).isEqualTo("2026-12-05");
    }

    @Test
    void anIssueWithoutAKindIsRefusedBesideTheKindRadios() throws Exception {
        // given
        when(assignments.issueAssignment(eq(CASE_ID), any(), anyString()))
                .thenThrow(ConsoleFixtures.invalid("kind", "must not be null"));

        // when
        Document matter = page(post("/matters/case-1/assignments").with(supervisor()).with(csrf())
                .param("unitId", "unit-cg").param("idempotencyKey", "key-e"));

        // then
        assertThat(matter.select("#field-kind #error-kind").text()).isEqualTo("必须填写");
        assertThat(matter.select(".error-summary__list a[href='#field-kind']").text()).isEqualTo("类型：必须填写");
    }

    @Test
    void aLeaderCannotIssueAnAssignment() throws Exception {
        mvc.perform(post("/matters/case-1/assignments").with(leader()).with(csrf()).param("unitId", "unit-cg"))
                .andExpect(status().isForbidden());
        verify(assignments, never()).issueAssignment(any(), any(), any());
    }

    @Test
    void anIssuePostedWithoutItsCsrfTokenChangesNothing() throws Exception {
        mvc.perform(post("/matters/case-1/assignments").with(supervisor()).param("unitId", "unit-cg"))
                .andExpect(status().isForbidden())
                .andExpect(forwardedUrl("/errors/expired-form"));
        verify(assignments, never()).issueAssignment(any(), any(), any());
    }

    // --- 群众参评 --------------------------------------------------------------------------------

    @Test
    void aSupervisorRecordsTheEvaluationGivenByThePetitioner() throws Exception {
        // given
        when(evaluations.recordEvaluation(eq(CASE_ID), any(), anyString()))
                .thenReturn(MattersFixtures.evaluation("ev-3", EvaluationRating.BASICALLY_SATISFIED, Evaluation.ChannelEnum.SUPERVISOR, true));

        // when
        mvc.perform(post("/matters/case-1/evaluations").with(supervisor()).with(csrf())
                        .param("rating", "BASICALLY_SATISFIED").param("comment", "电话回访，基本满意。")
                        .param("idempotencyKey", "key-f"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/matters/case-1"))
                .andExpect(flash().attribute("flash", "matters.evaluation.recorded"));

        // then
        verify(evaluations).recordEvaluation(CASE_ID,
                new RecordEvaluationRequest().rating(Rating.BASICALLY_SATISFIED).comment("电话回访，基本满意。"), "key-f");
    }

    @Test
    void anEvaluationOfAMatterNotConcludedYetIsRefusedInChineseWithTheChoiceKept() throws Exception {
        // given
        when(evaluations.recordEvaluation(eq(CASE_ID), any(), anyString()))
                .thenThrow(ConsoleFixtures.refusal(409, NOT_CONCLUDED));

        // when
        Document matter = page(post("/matters/case-1/evaluations").with(supervisor()).with(csrf())
                .param("rating", "DISSATISFIED").param("comment", "未解决").param("idempotencyKey", "key-g"));

        // then
        assertThat(matter.select("#evaluations .error-summary__title").text()).isEqualTo("该信访事项尚未办结，暂不能评价。");
        assertThat(matter.select("#assignments .error-summary")).isEmpty();
        assertThat(matter.select("#rating-DISSATISFIED").hasAttr("checked")).isTrue();
        assertThat(matter.select("#field-comment").text()).isEqualTo("未解决");
        assertThat(matter.select("form[action='/matters/case-1/evaluations'] input[name=idempotencyKey]").val())
                .isEqualTo("key-g");
    }

    @Test
    void aLeaderCannotRecordAnEvaluation() throws Exception {
        mvc.perform(post("/matters/case-1/evaluations").with(leader()).with(csrf()).param("rating", "SATISFIED"))
                .andExpect(status().isForbidden());
        verify(evaluations, never()).recordEvaluation(any(), any(), any());
    }

    @Test
    void anEvaluationPostedWithoutItsCsrfTokenChangesNothing() throws Exception {
        mvc.perform(post("/matters/case-1/evaluations").with(supervisor()).param("rating", "SATISFIED"))
                .andExpect(status().isForbidden())
                .andExpect(forwardedUrl("/errors/expired-form"));
        verify(evaluations, never()).recordEvaluation(any(), any(), any());
    }
}
