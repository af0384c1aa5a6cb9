package org.duban.console.desk;

import org.duban.client.intake.model.AssignmentStatus;
import org.duban.client.supervision.model.MeasureKind;
import org.duban.client.supervision.model.MeasureStatus;
import org.duban.client.supervision.model.MeasureSubmissionRequest;
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
import static org.duban.console.security.local.SignedInUsers.leader;
import static org.duban.console.security.local.SignedInUsers.supervisor;
import static org.duban.console.security.local.SignedInUsers.unit;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
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

class DeskMeasuresControllerTest extends ConsoleTest {

    @BeforeEach
    void theAssignmentTheyConcern() {
        when(assignments.getAssignment("asg-1")).thenReturn(assignment("asg-1", AssignmentStatus.ACCEPTED));
    }

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
        when(measures.getMeasure("m-x")).thenThrow(DeskFixtures.notFound("measure", "m-x"));
        when(measures.submitMeasure(eq("m-x"), any())).thenThrow(DeskFixtures.notFound("measure", "m-x"));

        // when / then
        assertThat(page(get("/desk/measures/m-x").with(unit(UNIT))).select("h1").text()).isEqualTo("未找到");
        mvc.perform(post("/desk/measures/m-x/submission").with(unit(UNIT)).with(csrf()).param("text", "t"))
                .andExpect(status().isNotFound());
    }

    @Test
    void officeStaffCannotOpenOrAnswerAMeasure() throws Exception {
        mvc.perform(get("/desk/measures/m-1").with(supervisor())).andExpect(status().isForbidden());
        mvc.perform(get("/desk/measures/m-1").with(leader())).andExpect(status().isForbidden());
        mvc.perform(post("/desk/measures/m-1/submission").with(supervisor()).with(csrf()).param("text", "t"))
                .andExpect(status().isForbidden());
        verifyNoInteractions(measures);
    }

    @Test
    void aSubmissionPostedWithoutTheFormsCsrfTokenChangesNothing() throws Exception {
        mvc.perform(post("/desk/measures/m-1/submission").with(unit(UNIT)).param("text", "t"))
                .andExpect(status().isForbidden())
                .andExpect(forwardedUrl("/errors/expired-form"));
        verifyNoInteractions(measures);
    }
}
