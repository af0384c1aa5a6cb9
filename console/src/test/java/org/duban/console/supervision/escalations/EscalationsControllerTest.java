package org.duban.console.supervision.escalations;

import java.util.List;

import org.duban.client.supervision.model.Alert;
import org.duban.client.supervision.model.AlertColour;
import org.duban.client.supervision.model.AlertCounts;
import org.duban.client.supervision.model.AlertKind;
import org.duban.client.supervision.model.AlertPage;
import org.duban.client.supervision.model.DeadlineKind;
import org.duban.client.supervision.model.EscalationProposal;
import org.duban.client.supervision.model.EscalationReason;
import org.duban.client.supervision.model.EscalationStep;
import org.duban.client.supervision.model.PageInfo;
import org.duban.console.ConsoleTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.console.security.local.SignedInUsers.leader;
import static org.duban.console.security.local.SignedInUsers.supervisor;
import static org.duban.console.security.local.SignedInUsers.unit;
import static org.duban.console.supervision.SupervisionFixtures.CASE_TITLE;
import static org.duban.console.supervision.SupervisionFixtures.UNIT_ID;
import static org.duban.console.supervision.SupervisionFixtures.now;
import static org.duban.console.supervision.SupervisionFixtures.titles;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class EscalationsControllerTest extends ConsoleTest {

    private static final List<EscalationStep> LADDER = List.of(EscalationStep.REMINDER,
            EscalationStep.SUPERVISION_ORDER, EscalationStep.NOTICE, EscalationStep.WRITTEN_SELF_REVIEW,
            EscalationStep.INTERVIEW, EscalationStep.LISTED_SUPERVISION, EscalationStep.RECTIFICATION_ORDER);

    private static EscalationProposal proposal(EscalationStep reached, EscalationStep proposed,
            EscalationReason... reasons) {
        return new EscalationProposal().unitId(UNIT_ID).ladder(LADDER).reachedStep(reached).proposedStep(proposed)
                .reasons(List.of(reasons));
    }

    private static EscalationReason reason(EscalationReason.CodeEnum code, int count, String detail) {
        return new EscalationReason().code(code).count(count).detail(detail);
    }

    @Test
    void withoutAUnitThePageAsksToPickOne() throws Exception {
        // when
        Document page = page(get("/supervision/escalations").with(supervisor()));

        // then
        verifyNoInteractions(escalations);
        assertThat(page.select("h1").text()).isEqualTo("问责升级");
        assertThat(page.select("#pick-unit option").eachText()).containsExactly("请选择责任单位", "城关街道办事处", "区教育局");
        assertThat(page.select(".empty").text()).isEqualTo("请选择责任单位，查看其问责升级建议。");
        assertThat(page.select("nav.subnav a.current").text()).isEqualTo("问责升级");
    }

    @Test
    void theLadderShowsTheStepReachedAndTheStepProposedWithTheReasonsInChinese() throws Exception {
        // given
        when(escalations.proposeEscalation(UNIT_ID)).thenReturn(proposal(EscalationStep.SUPERVISION_ORDER,
                EscalationStep.NOTICE,
                reason(EscalationReason.CodeEnum.OPEN_SUPERVISION_ORDERS, 2, "2 supervision order(s) not closed"),
                reason(EscalationReason.CodeEnum.REPEATED_LATENESS, 5,
                        "3 assignment(s) overdue, 1 order response(s) and 1 submission(s) late or overdue")));

        // when
        Document page = page(get("/supervision/escalations").param("unitId", UNIT_ID).with(supervisor()));

        // then
        assertThat(page.select(".proposal h2 a[href='/units/unit-cg']").text()).isEqualTo("城关街道办事处");
        assertThat(page.select(".proposal").text()).contains("已采取至 督办", "建议下一步 通报");
        assertThat(page.select(".ladder__step .ladder__name").eachText())
                .containsExactly("催办", "督办", "通报", "责令书面检查", "约谈", "挂牌督办", "责令限期整改");
        assertThat(page.select(".ladder__step--taken .ladder__name").eachText()).containsExactly("催办", "督办");
        assertThat(page.select(".ladder__step--reached .ladder__name").text()).isEqualTo("督办");
        assertThat(page.select(".ladder__step--proposed .ladder__name").text()).isEqualTo("通报");
        assertThat(page.select(".ladder__step--proposed .tag").text()).isEqualTo("建议下一步");
        assertThat(page.select("tbody tr").eachText()).containsExactly(
                "未办结的督办单 2 2 份督办单尚未办结",
                "多次超期 5 3 件交办事项超期，1 份督办回复、1 份措施材料迟交或逾期");
        assertThat(page.select("main form[method=post]")).as("nothing is issued from this page").isEmpty();
    }

    @Test
    void eachMeasureOfTheLadderLeadsToTheMeasureFormPrefilledForTheUnitTheProposedOneFirst() throws Exception {
        // given
        when(escalations.proposeEscalation(UNIT_ID)).thenReturn(proposal(EscalationStep.NOTICE,
                EscalationStep.WRITTEN_SELF_REVIEW,
                reason(EscalationReason.CodeEnum.IGNORED_RECOMMENDATIONS, 1, "1 recommendation(s) unanswered past their deadline")));

        // when
        Document page = page(get("/supervision/escalations").param("unitId", UNIT_ID).with(supervisor()));

        // then
        assertThat(page.select(".ladder__action a[href^='/supervision/measures/new']").eachAttr("href")).containsExactly(
                "/supervision/measures/new?unitId=unit-cg&kind=NOTICE",
                "/supervision/measures/new?unitId=unit-cg&kind=WRITTEN_SELF_REVIEW",
                "/supervision/measures/new?unitId=unit-cg&kind=INTERVIEW",
                "/supervision/measures/new?unitId=unit-cg&kind=LISTED_SUPERVISION",
                "/supervision/measures/new?unitId=unit-cg&kind=RECTIFICATION_ORDER");
        assertThat(page.select(".ladder__action a.button--primary").text()).isEqualTo("下达责令书面检查");
        assertThat(page.select(".ladder__step").get(0).select(".ladder__action").text())
                .isEqualTo("催办由平台在期限临近和超期时自动发出，无需人工下达。");
        assertThat(page.select(".ladder__step").get(1).select(".ladder__action a").eachAttr("href"))
                .containsExactly("/board?kind=ASSIGNMENT&unitId=unit-cg", "/supervision?unitId=unit-cg");
        assertThat(page.select("tbody tr").text()).isEqualTo("建议逾期未答复 1 1 项建议逾期未答复");
        verifyNoInteractions(alerts);
    }

    @Test
    void whenASupervisionOrderIsProposedTheUnitsMostUrgentOpenAssignmentsAreOfferedToPick() throws Exception {
        // given
        when(escalations.proposeEscalation(UNIT_ID)).thenReturn(proposal(EscalationStep.REMINDER,
                EscalationStep.SUPERVISION_ORDER,
                reason(EscalationReason.CodeEnum.REPEATED_LATENESS, 2,
                        "2 assignment(s) overdue, 0 order response(s) and 0 submission(s) late or overdue")));
        when(alerts.listAlerts(isNull(), any(), any(), anyInt(), anyInt())).thenReturn(new AlertPage()
                .items(List.of(new Alert().kind(AlertKind.ASSIGNMENT).subjectId("asg-1").assignmentId("asg-1")
                        .caseId("case-1").unitId(UNIT_ID).deadlineKind(DeadlineKind.RESULT)
                        .dueAt(now().minusDays(2).minusHours(1)).colour(AlertColour.RED).overdue(true).daysLeft(-3)
                        .trackedSince(now().minusDays(62))))
                .counts(new AlertCounts().red(1L).yellow(0L).green(0L))
                .page(new PageInfo().page(0).size(10).totalElements(1L).totalPages(1)));
        when(cases.listCases(isNull(), any(), any(), any(), any(), any(), any(), any(), anyInt(), anyInt()))
                .thenReturn(titles());

        // when
        Document page = page(get("/supervision/escalations").param("unitId", UNIT_ID).with(supervisor()));

        // then
        verify(alerts).listAlerts(null, UNIT_ID, AlertKind.ASSIGNMENT, 0, 10);
        assertThat(page.select(".ladder__step--proposed a.button--primary").attr("href")).isEqualTo("#open-assignments");
        assertThat(page.select("#open-assignments tbody tr").text()).contains("红", CASE_TITLE, "办结期限", "超期 3 天");
        assertThat(page.select("#open-assignments a[href='/supervision/orders/new?assignmentId=asg-1']").text())
                .isEqualTo("督办");
        assertThat(page.select("#open-assignments a[href='/board?kind=ASSIGNMENT&unitId=unit-cg']")).hasSize(1);
    }

    @Test
    void aUnitWithNothingAgainstItIsProposedNothing() throws Exception {
        // given
        when(escalations.proposeEscalation(UNIT_ID)).thenReturn(proposal(null, null));

        // when
        Document page = page(get("/supervision/escalations").param("unitId", UNIT_ID).with(supervisor()));

        // then
        assertThat(page.select(".proposal").text()).contains("已采取至 尚未采取", "建议下一步 暂无升级建议。");
        assertThat(page.select(".ladder__step--proposed, .ladder__step--taken")).isEmpty();
        assertThat(page.select(".empty").text()).isEqualTo("该单位没有未办结的督办单、多次超期或逾期未答复的建议。");
    }

    @Test
    void aReasonWordedInAWayNotKnownYetIsShownAsItCame() throws Exception {
        // given
        when(escalations.proposeEscalation(UNIT_ID)).thenReturn(proposal(null, EscalationStep.REMINDER,
                reason(EscalationReason.CodeEnum.OPEN_SUPERVISION_ORDERS, 1, "one order waits")));

        // when
        Document page = page(get("/supervision/escalations").param("unitId", UNIT_ID).with(supervisor()));

        // then
        assertThat(page.select("tbody tr td").last().text()).isEqualTo("one order waits");
    }

    @Test
    void aLeaderSeesTheLadderButIsOfferedNoStepToTake() throws Exception {
        // given
        when(escalations.proposeEscalation(UNIT_ID)).thenReturn(proposal(EscalationStep.SUPERVISION_ORDER,
                EscalationStep.NOTICE, reason(EscalationReason.CodeEnum.OPEN_SUPERVISION_ORDERS, 1,
                        "1 supervision order(s) not closed")));

        // when
        Document page = page(get("/supervision/escalations").param("unitId", UNIT_ID).with(leader()));

        // then
        assertThat(page.select(".ladder__step--proposed .ladder__name").text()).isEqualTo("通报");
        assertThat(page.select(".ladder__action a")).isEmpty();
    }

    @Test
    void aUnitIsAnsweredTheNotFoundPage() throws Exception {
        mvc.perform(get("/supervision/escalations").param("unitId", UNIT_ID).with(unit(UNIT_ID)))
                .andExpect(status().isNotFound());
        verify(escalations, never()).proposeEscalation(any());
    }
}
