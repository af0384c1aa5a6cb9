package org.duban.console.desk;

import org.duban.client.intake.model.AssignmentStatus;
import org.duban.client.supervision.model.RecommendationFeedbackRequest;
import org.duban.console.ConsoleFixtures;
import org.duban.console.ConsoleTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.console.desk.DeskFixtures.UNIT;
import static org.duban.console.desk.DeskFixtures.assignment;
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

class DeskRecommendationsControllerTest extends ConsoleTest {

    @BeforeEach
    void theAssignmentTheyConcern() {
        when(assignments.getAssignment("asg-1")).thenReturn(assignment("asg-1", AssignmentStatus.ACCEPTED));
    }

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

    @Test
    void officeStaffCannotOpenOrAnswerARecommendationAtTheDesk() throws Exception {
        mvc.perform(get("/desk/recommendations/r-1").with(supervisor())).andExpect(status().isForbidden());
        mvc.perform(get("/desk/recommendations/r-1").with(leader())).andExpect(status().isForbidden());
        mvc.perform(post("/desk/recommendations/r-1/feedback").with(supervisor()).with(csrf())
                .param("adopted", "YES").param("text", "t")).andExpect(status().isForbidden());
        verifyNoInteractions(recommendations);
    }

    @Test
    void anAnswerPostedWithoutTheFormsCsrfTokenChangesNothing() throws Exception {
        mvc.perform(post("/desk/recommendations/r-1/feedback").with(unit(UNIT)).param("adopted", "YES").param("text", "t"))
                .andExpect(status().isForbidden())
                .andExpect(forwardedUrl("/errors/expired-form"));
        verifyNoInteractions(recommendations);
    }
}
