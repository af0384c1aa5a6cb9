package org.duban.console.desk;

import java.util.List;

import org.duban.client.intake.model.AssignmentStatus;
import org.duban.client.supervision.model.MeasureKind;
import org.duban.client.supervision.model.MeasureStatus;
import org.duban.client.supervision.model.MeasureSubmissionRequest;
import org.duban.client.supervision.model.RecommendationFeedbackRequest;
import org.duban.client.supervision.model.SupervisionOrderStatus;
import org.duban.client.supervision.model.SupervisionResponseRequest;
import org.duban.console.ConsoleFixtures;
import org.duban.console.ConsoleTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.console.desk.DeskFixtures.UNIT;
import static org.duban.console.desk.DeskFixtures.assignment;
import static org.duban.console.desk.DeskFixtures.measure;
import static org.duban.console.desk.DeskFixtures.order;
import static org.duban.console.desk.DeskFixtures.recommendation;
import static org.duban.console.security.local.SignedInUsers.leader;
import static org.duban.console.security.local.SignedInUsers.supervisor;
import static org.duban.console.security.local.SignedInUsers.unit;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class DeskAnswersControllerTest extends ConsoleTest {

    @BeforeEach
    void theAssignmentTheyConcern() {
        when(assignments.getAssignment("asg-1")).thenReturn(assignment("asg-1", AssignmentStatus.ACCEPTED));
    }

    // --- supervision orders ---

    @Test
    void anOpenOrderShowsWhatTheOfficeAsksByWhenAndTheResponseForm() throws Exception {
        // given
        when(supervisions.getSupervisionOrder("ord-1")).thenReturn(order("ord-1", SupervisionOrderStatus.OPEN));

        // when
        Document page = page(get("/desk/orders/ord-1").with(unit(UNIT)));

        // then
        assertThat(page.select("h1").text()).isEqualTo("督办单 待回复");
        assertThat(page.text()).contains("超期未办结", "发函督办", "请说明超期原因及下一步安排。", "剩 3 天");
        assertThat(page.select("a[href='/desk/assignments/asg-1']").text()).isEqualTo("小区加装电梯纠纷");
        assertThat(page.select("#respond form").attr("action")).isEqualTo("/desk/orders/ord-1/response");
        assertThat(page.select("#respond form").attr("data-confirm")).isNotBlank();
        assertThat(page.select("#field-text")).isNotEmpty();
    }

    @Test
    void aReopenedOrderSaysTheLastResponseWasNotAccepted() throws Exception {
        // given
        when(supervisions.getSupervisionOrder("ord-1")).thenReturn(order("ord-1", SupervisionOrderStatus.OPEN)
                .reopenCount(1).response("已在办理。").respondedAt(DeskFixtures.daysFromNow(-1)).respondedLate(false));

        // when
        Document page = page(get("/desk/orders/ord-1").with(unit(UNIT)));

        // then
        assertThat(page.text()).contains("已重新督办 1 次", "上次回复", "已在办理。");
        assertThat(page.select("#respond form")).isNotEmpty();
    }

    @Test
    void anAnsweredOrderShowsTheResponseAndNoForm() throws Exception {
        // given
        when(supervisions.getSupervisionOrder("ord-1")).thenReturn(order("ord-1", SupervisionOrderStatus.CLOSED)
                .response("已答复信访人。").respondedAt(DeskFixtures.daysFromNow(-1)).respondedLate(true).closeNote("同意办结。"));

        // when
        Document page = page(get("/desk/orders/ord-1").with(unit(UNIT)));

        // then
        assertThat(page.text()).contains("本单位回复", "已答复信访人。", "（逾期回复）", "同意办结。");
        assertThat(page.select("main form")).isEmpty();
    }

    @Test
    void respondingSendsTheTextAndComesBackWithAMessage() throws Exception {
        // given
        when(supervisions.respondToSupervisionOrder(eq("ord-1"), any())).thenReturn(order("ord-1", SupervisionOrderStatus.RESPONDED));

        // when
        mvc.perform(post("/desk/orders/ord-1/response").with(unit(UNIT)).with(csrf()).param("text", "已约谈信访人，本周内答复。"))
                .andExpect(redirectedUrl("/desk/orders/ord-1"))
                .andExpect(flash().attribute("flash", "desk.order.responded"));

        // then
        ArgumentCaptor<SupervisionResponseRequest> sent = ArgumentCaptor.forClass(SupervisionResponseRequest.class);
        verify(supervisions).respondToSupervisionOrder(eq("ord-1"), sent.capture());
        assertThat(sent.getValue().getText()).isEqualTo("已约谈信访人，本周内答复。");
    }

    @Test
    void aRefusedResponseIsShownBesideTheTextWithWhatWasTyped() throws Exception {
        // given
        when(supervisions.getSupervisionOrder("ord-1")).thenReturn(order("ord-1", SupervisionOrderStatus.OPEN));
        when(supervisions.respondToSupervisionOrder(eq("ord-1"), any()))
                .thenThrow(ConsoleFixtures.invalid("text", "size must be between 1 and 4000"));

        // when
        Document page = page(post("/desk/orders/ord-1/response").with(unit(UNIT)).with(csrf()).param("text", "太长的回复"));

        // then
        assertThat(page.select("#error-text").text()).isEqualTo("长度应在 1 到 4000 之间");
        assertThat(page.select("#field-text").val()).isEqualTo("太长的回复");
    }

    @Test
    void respondingToAnOrderAlreadyAnsweredSaysItsStateInChinese() throws Exception {
        // given
        when(supervisions.getSupervisionOrder("ord-1")).thenReturn(order("ord-1", SupervisionOrderStatus.RESPONDED)
                .response("已答复。").respondedAt(DeskFixtures.daysFromNow(-1)));
        when(supervisions.respondToSupervisionOrder(eq("ord-1"), any()))
                .thenThrow(ConsoleFixtures.stateConflict("supervision order", "ord-1", "RESPONDED", "respond"));

        // when
        Document page = page(post("/desk/orders/ord-1/response").with(unit(UNIT)).with(csrf()).param("text", "再答复"));

        // then
        assertThat(page.select(".error-summary__title").text()).isEqualTo("当前状态为“已回复”，不能进行此操作。");
        assertThat(page.select("#respond")).isEmpty();
    }

    @Test
    void anotherUnitsOrderAnswersTheNotFoundPage() throws Exception {
        // given
        when(supervisions.getSupervisionOrder("ord-x")).thenThrow(DeskFixtures.notFound("supervision order", "ord-x"));

        // when / then
        mvc.perform(get("/desk/orders/ord-x").with(unit(UNIT))).andExpect(status().isNotFound());
        assertThat(page(get("/desk/orders/ord-x").with(unit(UNIT))).select("h1").text()).isEqualTo("未找到");
    }

    // --- measures ---

    @Test
    void aWrittenSelfReviewAwaitingSubmissionOffersTheForm() throws Exception {
        // given
        when(measures.getMeasure("m-1")).thenReturn(measure("m-1", MeasureKind.WRITTEN_SELF_REVIEW, MeasureStatus.AWAITING_SUBMISSION));

        // when
        Document page = page(get("/desk/measures/m-1").with(unit(UNIT)));

        // then
        assertThat(page.select("h1").text()).isEqualTo("责令书面检查 待提交");
        assertThat(page.text()).contains("多次超期未办结。", "剩 5 天", "小区加装电梯纠纷");
        assertThat(page.select("#submit form").attr("action")).isEqualTo("/desk/measures/m-1/submission");
        assertThat(page.select("label[for=field-text]").text()).isEqualTo("书面检查");
    }

    @Test
    void anInterviewShowsWhenItIsScheduledAndAsksForNothing() throws Exception {
        // given
        when(measures.getMeasure("m-2")).thenReturn(measure("m-2", MeasureKind.INTERVIEW, MeasureStatus.SCHEDULED));

        // when
        Document page = page(get("/desk/measures/m-2").with(unit(UNIT)));

        // then
        assertThat(page.select("h1").text()).isEqualTo("约谈 已安排约谈");
        assertThat(page.text()).contains("约谈时间", "2026-12-10 09:30", "请按时参加约谈。");
        assertThat(page.select("main form")).isEmpty();
    }

    @Test
    void submittingSendsTheText() throws Exception {
        // given
        when(measures.submitMeasure(eq("m-1"), any()))
                .thenReturn(measure("m-1", MeasureKind.RECTIFICATION_ORDER, MeasureStatus.SUBMITTED));

        // when
        mvc.perform(post("/desk/measures/m-1/submission").with(unit(UNIT)).with(csrf()).param("text", "整改措施如下……"))
                .andExpect(redirectedUrl("/desk/measures/m-1"))
                .andExpect(flash().attribute("flash", "desk.measure.submitted"));

        // then
        ArgumentCaptor<MeasureSubmissionRequest> sent = ArgumentCaptor.forClass(MeasureSubmissionRequest.class);
        verify(measures).submitMeasure(eq("m-1"), sent.capture());
        assertThat(sent.getValue().getText()).isEqualTo("整改措施如下……");
    }

    @Test
    void submittingTwiceSaysTheMeasureIsAlreadySubmitted() throws Exception {
        // given
        when(measures.getMeasure("m-1")).thenReturn(measure("m-1", MeasureKind.WRITTEN_SELF_REVIEW, MeasureStatus.SUBMITTED)
                .submission("检查如下").submittedAt(DeskFixtures.daysFromNow(-1)).submittedLate(false));
        when(measures.submitMeasure(eq("m-1"), any()))
                .thenThrow(ConsoleFixtures.stateConflict("measure", "m-1", "SUBMITTED", "submit"));

        // when
        Document page = page(post("/desk/measures/m-1/submission").with(unit(UNIT)).with(csrf()).param("text", "again"));

        // then
        assertThat(page.select(".error-summary__title").text()).isEqualTo("当前状态为“已提交”，不能进行此操作。");
        assertThat(page.text()).contains("本单位提交的材料", "检查如下");
    }

    @Test
    void anotherUnitsMeasureAnswersTheNotFoundPage() throws Exception {
        // given
        when(measures.submitMeasure(eq("m-x"), any())).thenThrow(DeskFixtures.notFound("measure", "m-x"));

        // when / then
        mvc.perform(post("/desk/measures/m-x/submission").with(unit(UNIT)).with(csrf()).param("text", "t"))
                .andExpect(status().isNotFound());
    }

    // --- recommendations ---

    @Test
    void anUnansweredRecommendationShowsItsOverdueAnswerDateAndTheAnswerForm() throws Exception {
        // given
        when(recommendations.getRecommendation("r-1")).thenReturn(recommendation("r-1", false));

        // when
        Document page = page(get("/desk/recommendations/r-1").with(unit(UNIT)));

        // then
        assertThat(page.select("h1").text()).isEqualTo("改进工作建议 待答复");
        assertThat(page.text()).contains("建议建立加装电梯矛盾调处台账。", "超期 2 天");
        assertThat(page.select("#answer form").attr("action")).isEqualTo("/desk/recommendations/r-1/feedback");
        assertThat(page.select("#answer input[name=adopted]").eachAttr("value")).containsExactly("YES", "NO");
        assertThat(page.select("#answer").text()).contains("采纳", "不采纳");
    }

    @Test
    void answeringSendsWhetherAdoptedAndTheText() throws Exception {
        // given
        when(recommendations.answerRecommendation(eq("r-1"), any())).thenReturn(recommendation("r-1", true));

        // when
        mvc.perform(post("/desk/recommendations/r-1/feedback").with(unit(UNIT)).with(csrf())
                        .param("adopted", "NO").param("text", "现行做法已覆盖。"))
                .andExpect(redirectedUrl("/desk/recommendations/r-1"))
                .andExpect(flash().attribute("flash", "desk.recommendation.answered"));

        // then
        ArgumentCaptor<RecommendationFeedbackRequest> sent = ArgumentCaptor.forClass(RecommendationFeedbackRequest.class);
        verify(recommendations).answerRecommendation(eq("r-1"), sent.capture());
        assertThat(sent.getValue().getAdopted()).isFalse();
        assertThat(sent.getValue().getText()).isEqualTo("现行做法已覆盖。");
    }

    @Test
    void anAnswerWithoutTheAdoptionChoiceIsRefusedBesideTheRadiosKeepingTheText() throws Exception {
        // given
        when(recommendations.getRecommendation("r-1")).thenReturn(recommendation("r-1", false));
        when(recommendations.answerRecommendation(eq("r-1"), any())).thenThrow(ConsoleFixtures.invalid("adopted", "must not be null"));

        // when
        Document page = page(post("/desk/recommendations/r-1/feedback").with(unit(UNIT)).with(csrf()).param("text", "正在研究。"));

        // then
        assertThat(page.select("#error-adopted").text()).isEqualTo("必须填写");
        assertThat(page.select("#field-text").val()).isEqualTo("正在研究。");
    }

    @Test
    void anAdoptionChoiceThatIsNotOneIsRefusedWithoutCallingThePlatform() throws Exception {
        // given
        when(recommendations.getRecommendation("r-1")).thenReturn(recommendation("r-1", false));

        // when
        Document page = page(post("/desk/recommendations/r-1/feedback").with(unit(UNIT)).with(csrf())
                .param("adopted", "MAYBE").param("text", "t"));

        // then
        verify(recommendations, never()).answerRecommendation(any(), any());
        assertThat(page.select("#error-adopted").text()).isEqualTo("格式不正确");
    }

    @Test
    void anAnsweredRecommendationShowsTheAnswerAndNoForm() throws Exception {
        // given
        when(recommendations.getRecommendation("r-1")).thenReturn(recommendation("r-1", true));

        // when
        Document page = page(get("/desk/recommendations/r-1").with(unit(UNIT)));

        // then
        assertThat(page.text()).contains("本单位答复", "采纳", "已建立台账，每周更新。");
        assertThat(page.select("main form")).isEmpty();
    }

    @Test
    void answeringAgainSaysTheRecommendationIsAlreadyAnswered() throws Exception {
        // given
        when(recommendations.getRecommendation("r-1")).thenReturn(recommendation("r-1", true));
        when(recommendations.answerRecommendation(eq("r-1"), any()))
                .thenThrow(ConsoleFixtures.stateConflict("recommendation", "r-1", "ANSWERED", "answer again"));

        // when
        Document page = page(post("/desk/recommendations/r-1/feedback").with(unit(UNIT)).with(csrf())
                .param("adopted", "YES").param("text", "t"));

        // then
        assertThat(page.select(".error-summary__title").text()).isEqualTo("当前状态为“已答复”，不能进行此操作。");
    }

    @Test
    void anotherUnitsRecommendationAnswersTheNotFoundPage() throws Exception {
        // given
        when(recommendations.getRecommendation("r-x")).thenThrow(DeskFixtures.notFound("recommendation", "r-x"));

        // when / then
        mvc.perform(get("/desk/recommendations/r-x").with(unit(UNIT))).andExpect(status().isNotFound());
    }

    // --- who may, and CSRF ---

    @Test
    void officeStaffCannotOpenOrAnswerTheUnitsPages() throws Exception {
        mvc.perform(get("/desk/orders/ord-1").with(supervisor())).andExpect(status().isForbidden());
        mvc.perform(get("/desk/measures/m-1").with(leader())).andExpect(status().isForbidden());
        mvc.perform(get("/desk/recommendations/r-1").with(leader())).andExpect(status().isForbidden());
        mvc.perform(post("/desk/orders/ord-1/response").with(supervisor()).with(csrf()).param("text", "t"))
                .andExpect(status().isForbidden());
        verifyNoInteractions(supervisions, measures, recommendations);
    }

    @Test
    void answersPostedWithoutTheFormsCsrfTokenChangeNothing() throws Exception {
        for (String path : List.of("/desk/orders/ord-1/response", "/desk/measures/m-1/submission",
                "/desk/recommendations/r-1/feedback")) {
            mvc.perform(post(path).with(unit(UNIT)).param("text", "t").param("adopted", "YES"))
                    .andExpect(status().isForbidden())
                    .andExpect(forwardedUrl("/errors/expired-form"));
        }
        verifyNoInteractions(supervisions, measures, recommendations);
    }
}
