package org.duban.console.supervision.recommendations;

import java.time.OffsetDateTime;
import java.util.List;

import org.duban.client.supervision.model.IssueRecommendationRequest;
import org.duban.client.supervision.model.RecommendationFeedbackRequest;
import org.duban.client.supervision.model.RecommendationKind;
import org.duban.console.ConsoleFixtures;
import org.duban.console.ConsoleTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.console.security.local.SignedInUsers.leader;
import static org.duban.console.security.local.SignedInUsers.supervisor;
import static org.duban.console.security.local.SignedInUsers.unit;
import static org.duban.console.supervision.SupervisionFixtures.ASSIGNMENT_ID;
import static org.duban.console.supervision.SupervisionFixtures.CASE_TITLE;
import static org.duban.console.supervision.SupervisionFixtures.UNIT_ID;
import static org.duban.console.supervision.SupervisionFixtures.answered;
import static org.duban.console.supervision.SupervisionFixtures.recommendationPage;
import static org.duban.console.supervision.SupervisionFixtures.titles;
import static org.duban.console.supervision.SupervisionFixtures.toOutsideBody;
import static org.duban.console.supervision.SupervisionFixtures.toUnit;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
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

class RecommendationsControllerTest extends ConsoleTest {

    @BeforeEach
    void twoRecommendations() {
        when(recommendations.listRecommendations(any(), any(), any(), anyInt(), anyInt())).thenReturn(
                recommendationPage(List.of(toUnit("rec-1"), toOutsideBody("rec-2"), answered(toUnit("rec-3"))), 0, 3, 1));
        when(cases.listCases(isNull(), any(), any(), any(), any(), any(), any(), any(), anyInt(), anyInt()))
                .thenReturn(titles());
    }

    @Test
    void theListShowsToWhomEachWentWhenItsAnswerIsDueAndWhetherItWasAdopted() throws Exception {
        // when
        Document list = page(get("/supervision/recommendations").with(supervisor()));

        // then
        assertThat(list.select("h1").text()).isEqualTo("三项建议");
        assertThat(list.select("nav.subnav a.current").text()).isEqualTo("三项建议");
        assertThat(list.select("tbody tr")).hasSize(3);
        assertThat(list.select("tbody tr").get(0).text()).contains("改进工作建议", "城关街道办事处", "剩 10 天", "待答复");
        assertThat(list.select("tbody tr").get(0).select("a[href='/supervision/recommendations/rec-1']").text())
                .startsWith("建议规范受理告知程序");
        assertThat(list.select("tbody tr").get(1).hasClass("line--red")).isTrue();
        assertThat(list.select("tbody tr").get(1).text()).contains("追究责任建议", "区纪委监委", "（涉及 城关街道办事处）",
                "超期 3 天", "待答复");
        assertThat(list.select("tbody tr").get(2).text()).contains("已采纳", "逾期答复");
        assertThat(list.select("a[href='/supervision/recommendations/new']").text()).isEqualTo("提出建议");
    }

    @Test
    void theFiltersAndThePageGoToTheApiAndStayInThePagingLinks() throws Exception {
        // given
        when(recommendations.listRecommendations(any(), any(), any(), anyInt(), anyInt()))
                .thenReturn(recommendationPage(List.of(toOutsideBody("rec-2")), 1, 30, 2));

        // when
        Document list = page(get("/supervision/recommendations").param("unitId", UNIT_ID)
                .param("kind", "ACCOUNTABILITY").param("overdue", "true").param("page", "1").with(supervisor()));

        // then
        verify(recommendations).listRecommendations(UNIT_ID, RecommendationKind.ACCOUNTABILITY, true, 1, 20);
        assertThat(list.select(".pagination a[rel=prev]").attr("href"))
                .isEqualTo("/supervision/recommendations?unitId=unit-cg&kind=ACCOUNTABILITY&overdue=true&page=0");
        assertThat(list.select("#filter-kind option[selected]").val()).isEqualTo("ACCOUNTABILITY");
        assertThat(list.select("#filter-overdue option[selected]").val()).isEqualTo("true");
        assertThat(list.select("#filter-unit option[selected]").val()).isEqualTo(UNIT_ID);
    }

    @Test
    void filtersThatAreNotChoicesAreDropped() throws Exception {
        // when
        mvc.perform(get("/supervision/recommendations").param("kind", "PRAISE").param("overdue", "maybe")
                .with(supervisor())).andExpect(status().isOk());

        // then
        verify(recommendations).listRecommendations(null, null, null, 0, 20);
    }

    @Test
    void theFormOpensPrefilledFromThePageItWasOpenedFrom() throws Exception {
        // when
        Document form = page(get("/supervision/recommendations/new").param("unitId", UNIT_ID)
                .param("assignmentId", ASSIGNMENT_ID).with(supervisor()));

        // then
        assertThat(form.select("#field-unitId option[selected]").val()).isEqualTo(UNIT_ID);
        assertThat(form.select("#field-assignmentId").val()).isEqualTo(ASSIGNMENT_ID);
        assertThat(form.select("#field-kind option").eachText())
                .containsExactly("请选择", "改进工作建议", "完善政策建议", "追究责任建议");
        assertThat(form.select("#field-addressee")).hasSize(1);
        assertThat(form.select("#hint-feedbackDueAt").text()).contains("30 日");
        assertThat(form.select("input[name=idempotencyKey]").val()).isNotBlank();
    }

    @Test
    void aSupervisorIssuesARecommendationToABodyOutsideThePlatformWithTheFormsKey() throws Exception {
        // given
        when(recommendations.issueRecommendation(any(), anyString())).thenReturn(toOutsideBody("rec-9"));

        // when
        mvc.perform(post("/supervision/recommendations").with(supervisor()).with(csrf())
                        .param("kind", "ACCOUNTABILITY").param("unitId", UNIT_ID).param("addressee", "区纪委监委")
                        .param("assignmentId", "").param("text", "建议追究相关责任人的责任。")
                        .param("feedbackDueAt", "2027-01-15").param("idempotencyKey", "key-1"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/supervision/recommendations/rec-9"))
                .andExpect(flash().attribute("flash", "supervision.recommendations.flash.issued"));

        // then
        ArgumentCaptor<IssueRecommendationRequest> sent = ArgumentCaptor.forClass(IssueRecommendationRequest.class);
        verify(recommendations).issueRecommendation(sent.capture(), eq("key-1"));
        assertThat(sent.getValue()).isEqualTo(new IssueRecommendationRequest().kind(RecommendationKind.ACCOUNTABILITY)
                .unitId(UNIT_ID).addressee("区纪委监委").text("建议追究相关责任人的责任。")
                .feedbackDueAt(OffsetDateTime.parse("2027-01-15T23:59:59+08:00")));
    }

    @Test
    void aRecommendationWithoutItsAddresseeIsRefusedBesideTheAddresseeKeepingWhatWasTyped() throws Exception {
        // given
        when(recommendations.issueRecommendation(any(), anyString())).thenThrow(
                ConsoleFixtures.invalid("addressee", "a IMPROVE_POLICY recommendation needs its addressee"));

        // when
        Document form = page(post("/supervision/recommendations").with(supervisor()).with(csrf())
                .param("kind", "IMPROVE_POLICY").param("unitId", UNIT_ID).param("addressee", "")
                .param("text", "建议完善加装电梯补贴政策。").param("feedbackDueAt", "2027-01-15")
                .param("idempotencyKey", "key-2"));

        // then
        assertThat(form.select(".error-summary__list a").eachText()).containsExactly("建议对象：此类建议须填写建议对象");
        assertThat(form.select("#error-addressee").text()).isEqualTo("此类建议须填写建议对象");
        assertThat(form.select("#field-kind option[selected]").val()).isEqualTo("IMPROVE_POLICY");
        assertThat(form.select("#field-unitId option[selected]").val()).isEqualTo(UNIT_ID);
        assertThat(form.select("#field-text").text()).isEqualTo("建议完善加装电梯补贴政策。");
        assertThat(form.select("#field-feedbackDueAt").val()).isEqualTo("2027-01-15");
        assertThat(form.select("input[name=idempotencyKey]").val()).isEqualTo("key-2");
    }

    @Test
    void anImproveWorkRecommendationWithoutAUnitIsRefusedBesideTheUnit() throws Exception {
        // given
        when(recommendations.issueRecommendation(any(), anyString())).thenThrow(
                ConsoleFixtures.invalid("unitId", "an IMPROVE_WORK recommendation is addressed to a unit"));

        // when
        Document form = page(post("/supervision/recommendations").with(supervisor()).with(csrf())
                .param("kind", "IMPROVE_WORK").param("text", "建议改进。").param("idempotencyKey", "key-3"));

        // then
        assertThat(form.select("#error-unitId").text()).isEqualTo("改进工作建议须选择责任单位");
        assertThat(form.select("#field-unitId").attr("aria-invalid")).isEqualTo("true");
    }

    @Test
    void aRecommendationToAUnitIsAnsweredByTheUnitItself() throws Exception {
        // given
        when(recommendations.getRecommendation("rec-1")).thenReturn(toUnit("rec-1"));

        // when
        Document page = page(get("/supervision/recommendations/rec-1").with(supervisor()));

        // then
        assertThat(page.select("h1").text()).isEqualTo("改进工作建议 待答复");
        assertThat(page.text()).contains("建议对象 城关街道办事处", "信访事项 " + CASE_TITLE, "交办事项 asg-1", "剩 10 天");
        assertThat(page.select("#answer").text()).contains("由责任单位在平台上书面答复。");
        assertThat(page.select("main form")).isEmpty();
    }

    @Test
    void aRecommendationToABodyOutsideThePlatformLetsASupervisorEnterItsAnswer() throws Exception {
        // given
        when(recommendations.getRecommendation("rec-2")).thenReturn(toOutsideBody("rec-2"));

        // when
        Document page = page(get("/supervision/recommendations/rec-2").with(supervisor()));

        // then
        assertThat(page.select("h1").text()).isEqualTo("追究责任建议 逾期未答复");
        assertThat(page.text()).contains("区纪委监委 平台外", "涉及单位 城关街道办事处", "超期 3 天");
        assertThat(page.select("form[action='/supervision/recommendations/rec-2/feedback'] input[name=adopted]").eachAttr("value"))
                .containsExactly("true", "false");
        assertThat(page.select("form[action='/supervision/recommendations/rec-2/feedback'] textarea[name=text]")).hasSize(1);
        assertThat(page.select("#answer .hint").first().text()).isEqualTo("录入 区纪委监委 的书面答复。");
    }

    @Test
    void anAnsweredRecommendationShowsTheAnswerWhetherAdoptedAndWhetherLate() throws Exception {
        // given
        when(recommendations.getRecommendation("rec-3")).thenReturn(answered(toOutsideBody("rec-3")));

        // when
        Document page = page(get("/supervision/recommendations/rec-3").with(supervisor()));

        // then
        assertThat(page.select("#answer").text()).contains("是否采纳 已采纳", "逾期答复");
        assertThat(page.select("#answer .answer-text").text()).isEqualTo("已采纳，已对相关责任人作出处理。");
        assertThat(page.select("main form")).isEmpty();
    }

    @Test
    void enteringTheAnswerSendsWhetherAdoptedAndTheText() throws Exception {
        // given
        when(recommendations.answerRecommendation(eq("rec-2"), any())).thenReturn(answered(toOutsideBody("rec-2")));

        // when
        mvc.perform(post("/supervision/recommendations/rec-2/feedback").with(supervisor()).with(csrf())
                        .param("adopted", "false").param("text", "经研究，暂不采纳。"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/supervision/recommendations/rec-2"))
                .andExpect(flash().attribute("flash", "supervision.recommendations.flash.answered"));

        // then
        verify(recommendations).answerRecommendation("rec-2",
                new RecommendationFeedbackRequest().adopted(false).text("经研究，暂不采纳。"));
    }

    @Test
    void anAnswerWithoutItsChoiceIsRefusedBesideTheChoiceKeepingTheText() throws Exception {
        // given
        when(recommendations.answerRecommendation(eq("rec-2"), any()))
                .thenThrow(ConsoleFixtures.invalid("adopted", "must not be null"));
        when(recommendations.getRecommendation("rec-2")).thenReturn(toOutsideBody("rec-2"));

        // when
        Document page = page(post("/supervision/recommendations/rec-2/feedback").with(supervisor()).with(csrf())
                .param("text", "经研究，暂不采纳。"));

        // then
        verify(recommendations).answerRecommendation("rec-2", new RecommendationFeedbackRequest().text("经研究，暂不采纳。"));
        assertThat(page.select(".error-summary__list a").eachText()).containsExactly("是否采纳：必须填写");
        assertThat(page.select("#error-adopted").text()).isEqualTo("必须填写");
        assertThat(page.select("#field-text").text()).isEqualTo("经研究，暂不采纳。");
    }

    @Test
    void anAnswerAlreadyGivenIsRefusedNamingTheStateInChinese() throws Exception {
        // given
        when(recommendations.answerRecommendation(eq("rec-2"), any()))
                .thenThrow(ConsoleFixtures.stateConflict("recommendation", "rec-2", "ANSWERED", "answer again"));
        when(recommendations.getRecommendation("rec-2")).thenReturn(answered(toOutsideBody("rec-2")));

        // when
        Document page = page(post("/supervision/recommendations/rec-2/feedback").with(supervisor()).with(csrf())
                .param("adopted", "true").param("text", "采纳。"));

        // then
        assertThat(page.select(".error-summary__title").text()).isEqualTo("当前状态为“已答复”，不能进行此操作。");
    }

    @Test
    void aLeaderReadsButCanNeitherIssueNorEnterAnAnswer() throws Exception {
        // given
        when(recommendations.getRecommendation("rec-2")).thenReturn(toOutsideBody("rec-2"));

        // when
        Document list = page(get("/supervision/recommendations").with(leader()));
        Document detail = page(get("/supervision/recommendations/rec-2").with(leader()));

        // then
        assertThat(list.select("tbody tr")).hasSize(3);
        assertThat(list.select("a[href='/supervision/recommendations/new']")).isEmpty();
        assertThat(detail.select("main form")).isEmpty();
        assertThat(detail.select("#answer").text()).contains("建议对象尚未答复。");
        mvc.perform(get("/supervision/recommendations/new").with(leader())).andExpect(status().isForbidden());
        mvc.perform(post("/supervision/recommendations").with(leader()).with(csrf()).param("kind", "IMPROVE_WORK"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/supervision/recommendations/rec-2/feedback").with(leader()).with(csrf())
                        .param("adopted", "true")).andExpect(status().isForbidden());
        verify(recommendations, never()).issueRecommendation(any(), any());
        verify(recommendations, never()).answerRecommendation(any(), any());
    }

    @Test
    void aUnitIsAnsweredTheNotFoundPage() throws Exception {
        mvc.perform(get("/supervision/recommendations").with(unit(UNIT_ID))).andExpect(status().isNotFound());
        mvc.perform(get("/supervision/recommendations/rec-1").with(unit(UNIT_ID))).andExpect(status().isNotFound());
        verify(recommendations, never()).getRecommendation(any());
    }

    @Test
    void aMissingRecommendationIsNotFound() throws Exception {
        // given
        when(recommendations.getRecommendation("rec-404")).thenThrow(ConsoleFixtures.refusal(404, "{}"));

        // when / then
        mvc.perform(get("/supervision/recommendations/rec-404").with(supervisor())).andExpect(status().isNotFound());
    }

    @Test
    void formsPostedWithoutTheirCsrfTokenChangeNothing() throws Exception {
        mvc.perform(post("/supervision/recommendations").with(supervisor()).param("kind", "IMPROVE_WORK"))
                .andExpect(status().isForbidden()).andExpect(forwardedUrl("/errors/expired-form"));
        mvc.perform(post("/supervision/recommendations/rec-2/feedback").with(supervisor()).param("adopted", "true"))
                .andExpect(status().isForbidden()).andExpect(forwardedUrl("/errors/expired-form"));
        verify(recommendations, never()).issueRecommendation(any(), any());
        verify(recommendations, never()).answerRecommendation(any(), any());
    }
}
