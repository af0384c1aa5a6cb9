package org.duban.console.supervision.measures;

import java.time.OffsetDateTime;
import java.util.List;

import org.duban.client.supervision.model.IssueMeasureRequest;
import org.duban.client.supervision.model.MeasureKind;
import org.duban.client.supervision.model.MeasureRecordRequest;
import org.duban.client.supervision.model.MeasureStatus;
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
import static org.duban.console.supervision.SupervisionFixtures.measurePage;
import static org.duban.console.supervision.SupervisionFixtures.now;
import static org.duban.console.supervision.SupervisionFixtures.scheduledInterview;
import static org.duban.console.supervision.SupervisionFixtures.selfReview;
import static org.duban.console.supervision.SupervisionFixtures.titles;
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

class MeasuresControllerTest extends ConsoleTest {

    @BeforeEach
    void aSelfReviewAndAnInterview() {
        when(measures.listMeasures(any(), any(), any(), anyInt(), anyInt()))
                .thenReturn(measurePage(List.of(selfReview("m-1"), scheduledInterview("m-2")), 0, 2, 1));
        when(cases.listCases(isNull(), any(), any(), any(), any(), any(), any(), any(), anyInt(), anyInt()))
                .thenReturn(titles());
    }

    @Test
    void theListShowsEachMeasureWithItsUnitStatusAndDeadlineOrInterviewTime() throws Exception {
        // when
        Document list = page(get("/supervision/measures").with(supervisor()));

        // then
        assertThat(list.select("h1").text()).isEqualTo("问责措施");
        assertThat(list.select("nav.subnav a.current").text()).isEqualTo("问责措施");
        assertThat(list.select("tbody tr").get(0).text()).contains("责令书面检查", "城关街道办事处", "督办后仍拖延办理", "待提交",
                "剩 7 天");
        assertThat(list.select("tbody tr").get(0).select("a[href='/supervision/measures/m-1']")).hasSize(1);
        assertThat(list.select("tbody tr").get(1).text()).contains("约谈", "已安排约谈", "约谈 2026-12-10 09:30");
        assertThat(list.select("a[href='/supervision/measures/new']").text()).isEqualTo("下达问责措施");
    }

    @Test
    void theFiltersAndThePageGoToTheApiAndStayInThePagingLinks() throws Exception {
        // given
        when(measures.listMeasures(any(), any(), any(), anyInt(), anyInt()))
                .thenReturn(measurePage(List.of(selfReview("m-1")), 0, 41, 3));

        // when
        Document list = page(get("/supervision/measures").param("unitId", UNIT_ID).param("kind", "WRITTEN_SELF_REVIEW")
                .param("status", "AWAITING_SUBMISSION").with(supervisor()));

        // then
        verify(measures).listMeasures(UNIT_ID, MeasureKind.WRITTEN_SELF_REVIEW, MeasureStatus.AWAITING_SUBMISSION, 0, 20);
        assertThat(list.select(".pagination a[rel=next]").attr("href")).isEqualTo(
                "/supervision/measures?unitId=unit-cg&kind=WRITTEN_SELF_REVIEW&status=AWAITING_SUBMISSION&page=1");
        assertThat(list.select("#filter-status option[selected]").val()).isEqualTo("AWAITING_SUBMISSION");
    }

    @Test
    void filtersThatAreNotChoicesAreDropped() throws Exception {
        // when
        mvc.perform(get("/supervision/measures").param("kind", "FINE").param("status", "X").param("page", "-3")
                .with(supervisor())).andExpect(status().isOk());

        // then
        verify(measures).listMeasures(null, null, null, 0, 20);
    }

    @Test
    void theFormOpensPrefilledFromTheLadderShowingEachTimeFieldForItsKinds() throws Exception {
        // when
        Document form = page(get("/supervision/measures/new").param("unitId", UNIT_ID).param("kind", "INTERVIEW")
                .with(supervisor()));

        // then
        assertThat(form.select("#field-kind option[selected]").val()).isEqualTo("INTERVIEW");
        assertThat(form.select("#field-unitId option[selected]").val()).isEqualTo(UNIT_ID);
        assertThat(form.select("#field-submissionDueAt").attr("name")).isEqualTo("dueAt");
        assertThat(form.select("#field-submissionDueAt").attr("type")).isEqualTo("date");
        assertThat(form.selectFirst("#field-submissionDueAt").closest("[data-visible-when]").attr("data-visible-when"))
                .isEqualTo("kind=WRITTEN_SELF_REVIEW|RECTIFICATION_ORDER");
        assertThat(form.select("#field-scheduledAt").attr("type")).isEqualTo("datetime-local");
        assertThat(form.selectFirst("#field-scheduledAt").closest("[data-visible-when]").attr("data-visible-when"))
                .isEqualTo("kind=INTERVIEW");
        assertThat(form.select("form[action='/supervision/measures']").attr("data-confirm")).isNotBlank();
        assertThat(form.select("input[name=idempotencyKey]").val()).isNotBlank();
    }

    @Test
    void theFormOpenedFromAnOrderCarriesItsAssignmentAndOrder() throws Exception {
        // when
        Document form = page(get("/supervision/measures/new").param("unitId", UNIT_ID)
                .param("assignmentId", ASSIGNMENT_ID).param("supervisionId", "so-1").with(supervisor()));

        // then
        assertThat(form.select("#field-assignmentId").val()).isEqualTo(ASSIGNMENT_ID);
        assertThat(form.select("#field-supervisionId").val()).isEqualTo("so-1");
        assertThat(form.select("#field-kind option[selected]").val()).isEmpty();
    }

    @Test
    void aWrittenSelfReviewIsIssuedDueAtTheEndOfTheDayTypedWithTheFormsKey() throws Exception {
        // given
        when(measures.issueMeasure(any(), anyString())).thenReturn(selfReview("m-9"));

        // when
        mvc.perform(post("/supervision/measures").with(supervisor()).with(csrf())
                        .param("kind", "WRITTEN_SELF_REVIEW").param("unitId", UNIT_ID).param("assignmentId", ASSIGNMENT_ID)
                        .param("supervisionId", "so-1").param("reason", "督办后仍拖延办理。").param("dueAt", "2026-12-15")
                        .param("scheduledAt", "").param("idempotencyKey", "key-1"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/supervision/measures/m-9"))
                .andExpect(flash().attribute("flash", "supervision.measures.flash.issued"));

        // then
        ArgumentCaptor<IssueMeasureRequest> sent = ArgumentCaptor.forClass(IssueMeasureRequest.class);
        verify(measures).issueMeasure(sent.capture(), eq("key-1"));
        assertThat(sent.getValue()).isEqualTo(new IssueMeasureRequest().kind(MeasureKind.WRITTEN_SELF_REVIEW)
                .unitId(UNIT_ID).assignmentId(ASSIGNMENT_ID).supervisionId("so-1").reason("督办后仍拖延办理。")
                .dueAt(OffsetDateTime.parse("2026-12-15T23:59:59+08:00")));
    }

    @Test
    void anInterviewIsIssuedScheduledAtTheMomentTypedInOfficeTime() throws Exception {
        // given
        when(measures.issueMeasure(any(), anyString())).thenReturn(scheduledInterview("m-8"));

        // when
        mvc.perform(post("/supervision/measures").with(supervisor()).with(csrf())
                        .param("kind", "INTERVIEW").param("unitId", UNIT_ID).param("reason", "多次超期未办结。")
                        .param("dueAt", "").param("scheduledAt", "2026-12-10T09:30").param("idempotencyKey", "key-2"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/supervision/measures/m-8"));

        // then
        ArgumentCaptor<IssueMeasureRequest> sent = ArgumentCaptor.forClass(IssueMeasureRequest.class);
        verify(measures).issueMeasure(sent.capture(), eq("key-2"));
        assertThat(sent.getValue().getScheduledAt()).isEqualTo(OffsetDateTime.parse("2026-12-10T09:30:00+08:00"));
        assertThat(sent.getValue().getDueAt()).isNull();
        assertThat(sent.getValue().getAssignmentId()).isNull();
    }

    @Test
    void aSelfReviewWithoutItsDueDayIsRefusedBesideTheDueDayWhichStaysVisibleWithWhatWasTyped() throws Exception {
        // given
        when(measures.issueMeasure(any(), anyString()))
                .thenThrow(ConsoleFixtures.invalid("dueAt", "is required for WRITTEN_SELF_REVIEW"));

        // when
        Document form = page(post("/supervision/measures").with(supervisor()).with(csrf())
                .param("kind", "WRITTEN_SELF_REVIEW").param("unitId", UNIT_ID).param("reason", "督办后仍拖延办理。")
                .param("dueAt", "").param("idempotencyKey", "key-3"));

        // then
        assertThat(form.select(".error-summary__list a").eachText()).containsExactly("提交期限：必须填写");
        assertThat(form.select(".error-summary__list a").attr("href")).isEqualTo("#field-submissionDueAt");
        assertThat(form.select("#error-submissionDueAt").text()).isEqualTo("必须填写");
        assertThat(form.selectFirst("#field-submissionDueAt").closest("[data-visible-when]"))
                .as("a field with an error is never hidden").isNull();
        assertThat(form.select("#field-kind option[selected]").val()).isEqualTo("WRITTEN_SELF_REVIEW");
        assertThat(form.select("#field-unitId option[selected]").val()).isEqualTo(UNIT_ID);
        assertThat(form.select("#field-reason").text()).isEqualTo("督办后仍拖延办理。");
        assertThat(form.select("input[name=idempotencyKey]").val()).isEqualTo("key-3");
    }

    @Test
    void anAssignmentOfAnotherUnitIsRefusedBesideTheAssignment() throws Exception {
        // given
        when(measures.issueMeasure(any(), anyString())).thenThrow(
                ConsoleFixtures.invalid("assignmentId", "no assignment asg-9 of unit unit-cg is known"));

        // when
        Document form = page(post("/supervision/measures").with(supervisor()).with(csrf())
                .param("kind", "NOTICE").param("unitId", UNIT_ID).param("assignmentId", "asg-9").param("reason", "通报。")
                .param("idempotencyKey", "key-4"));

        // then
        assertThat(form.select("#error-assignmentId").text()).isEqualTo("不是该单位的交办事项");
        assertThat(form.select("#field-assignmentId").val()).isEqualTo("asg-9");
    }

    @Test
    void aTimeThatDoesNotParseIsRefusedBeforeThePlatformIsCalled() throws Exception {
        // when
        Document form = page(post("/supervision/measures").with(supervisor()).with(csrf())
                .param("kind", "WRITTEN_SELF_REVIEW").param("unitId", UNIT_ID).param("reason", "r")
                .param("dueAt", "下周五").param("idempotencyKey", "key-5"));

        // then
        verify(measures, never()).issueMeasure(any(), any());
        assertThat(form.select("#error-submissionDueAt").text()).isEqualTo("格式不正确");
        assertThat(form.select("#field-submissionDueAt").val()).isEqualTo("下周五");
    }

    @Test
    void aSelfReviewShowsTheUnitsSubmissionAndWhetherItCameLate() throws Exception {
        // given
        when(measures.getMeasure("m-1")).thenReturn(selfReview("m-1").status(MeasureStatus.SUBMITTED)
                .submission("我单位深刻检查……").submittedAt(now()).submittedLate(true));

        // when
        Document page = page(get("/supervision/measures/m-1").with(supervisor()));

        // then
        assertThat(page.select("h1").text()).isEqualTo("责令书面检查 已提交");
        assertThat(page.text()).contains("信访事项 " + CASE_TITLE, "交办事项 asg-1", "督办单 so-1", "问责理由");
        assertThat(page.select("a[href='/supervision/orders/so-1']")).hasSize(1);
        assertThat(page.select("#submission .submission-text").text()).isEqualTo("我单位深刻检查……");
        assertThat(page.select("#submission .tag--danger").text()).isEqualTo("逾期提交");
        assertThat(page.select("main form")).isEmpty();
    }

    @Test
    void aSelfReviewNotSubmittedByItsDueDayIsFlaggedOverdue() throws Exception {
        // given
        when(measures.getMeasure("m-1")).thenReturn(selfReview("m-1").dueAt(now().minusDays(1).minusHours(1))
                .overdue(true));

        // when
        Document page = page(get("/supervision/measures/m-1").with(supervisor()));

        // then
        assertThat(page.select("h1").text()).isEqualTo("责令书面检查 待提交 逾期未提交");
        assertThat(page.select("dd .overdue").text()).isEqualTo("超期 2 天");
        assertThat(page.select("#submission").text()).contains("已过提交期限，单位仍未提交。");
    }

    @Test
    void aScheduledInterviewOffersToRecordItHeldAtTheScheduledTime() throws Exception {
        // given
        when(measures.getMeasure("m-2")).thenReturn(scheduledInterview("m-2"));

        // when
        Document page = page(get("/supervision/measures/m-2").with(supervisor()));

        // then
        assertThat(page.text()).contains("约谈时间 2026-12-10 09:30");
        assertThat(page.select("form[action='/supervision/measures/m-2/record'] #field-heldAt").val())
                .isEqualTo("2026-12-10T09:30");
        assertThat(page.select("form[action='/supervision/measures/m-2/record'] textarea[name=minutes][required]"))
                .hasSize(1);
    }

    @Test
    void recordingTheInterviewSendsWhenItWasHeldAndTheMinutes() throws Exception {
        // given
        when(measures.recordMeasure(eq("m-2"), any())).thenReturn(scheduledInterview("m-2"));

        // when
        mvc.perform(post("/supervision/measures/m-2/record").with(supervisor()).with(csrf())
                        .param("heldAt", "2026-12-10T10:00").param("minutes", "约谈了单位主要负责人。"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/supervision/measures/m-2"))
                .andExpect(flash().attribute("flash", "supervision.measures.flash.recorded"));

        // then
        verify(measures).recordMeasure("m-2", new MeasureRecordRequest()
                .heldAt(OffsetDateTime.parse("2026-12-10T10:00:00+08:00")).minutes("约谈了单位主要负责人。"));
    }

    @Test
    void aHeldTimeInTheFutureIsRefusedBesideItKeepingTheMinutes() throws Exception {
        // given
        when(measures.recordMeasure(eq("m-2"), any()))
                .thenThrow(ConsoleFixtures.invalid("heldAt", "must not be in the future"));
        when(measures.getMeasure("m-2")).thenReturn(scheduledInterview("m-2"));

        // when
        Document page = page(post("/supervision/measures/m-2/record").with(supervisor()).with(csrf())
                .param("heldAt", "2030-01-01T10:00").param("minutes", "约谈记录。"));

        // then
        assertThat(page.select("#error-heldAt").text()).isEqualTo("不能晚于当前时间");
        assertThat(page.select("#field-heldAt").val()).isEqualTo("2030-01-01T10:00");
        assertThat(page.select("#field-minutes").text()).isEqualTo("约谈记录。");
    }

    @Test
    void anInterviewAlreadyRecordedIsRefusedNamingTheStateInChinese() throws Exception {
        // given
        when(measures.recordMeasure(eq("m-2"), any()))
                .thenThrow(ConsoleFixtures.stateConflict("measure", "m-2", "HELD", "record an interview"));
        when(measures.getMeasure("m-2")).thenReturn(scheduledInterview("m-2").status(MeasureStatus.HELD)
                .heldAt(OffsetDateTime.parse("2026-12-10T02:00:00Z")).minutes("已约谈。"));

        // when
        Document page = page(post("/supervision/measures/m-2/record").with(supervisor()).with(csrf())
                .param("heldAt", "2026-12-10T10:00").param("minutes", "约谈记录。"));

        // then
        assertThat(page.select(".error-summary__title").text()).isEqualTo("当前状态为“已约谈”，不能进行此操作。");
        assertThat(page.select("#interview").text()).contains("实际约谈时间 2026-12-10 10:00", "已约谈。");
        assertThat(page.select("main form")).isEmpty();
    }

    @Test
    void aLeaderReadsButCanNeitherIssueNorRecord() throws Exception {
        // given
        when(measures.getMeasure("m-2")).thenReturn(scheduledInterview("m-2"));

        // when
        Document list = page(get("/supervision/measures").with(leader()));
        Document detail = page(get("/supervision/measures/m-2").with(leader()));

        // then
        assertThat(list.select("tbody tr")).hasSize(2);
        assertThat(list.select("a[href='/supervision/measures/new']")).isEmpty();
        assertThat(detail.select("main form")).isEmpty();
        assertThat(detail.select("#interview").text()).contains("约谈尚未记录。");
        mvc.perform(get("/supervision/measures/new").param("unitId", UNIT_ID).with(leader()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/supervision/measures").with(leader()).with(csrf()).param("kind", "NOTICE"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/supervision/measures/m-2/record").with(leader()).with(csrf()).param("minutes", "x"))
                .andExpect(status().isForbidden());
        verify(measures, never()).issueMeasure(any(), any());
        verify(measures, never()).recordMeasure(any(), any());
    }

    @Test
    void aUnitIsAnsweredTheNotFoundPage() throws Exception {
        mvc.perform(get("/supervision/measures").with(unit(UNIT_ID))).andExpect(status().isNotFound());
        mvc.perform(get("/supervision/measures/m-1").with(unit(UNIT_ID))).andExpect(status().isNotFound());
        verify(measures, never()).getMeasure(any());
    }

    @Test
    void aMissingMeasureIsNotFound() throws Exception {
        // given
        when(measures.getMeasure("m-404")).thenThrow(ConsoleFixtures.refusal(404, "{}"));

        // when / then
        mvc.perform(get("/supervision/measures/m-404").with(supervisor())).andExpect(status().isNotFound());
    }

    @Test
    void formsPostedWithoutTheirCsrfTokenChangeNothing() throws Exception {
        mvc.perform(post("/supervision/measures").with(supervisor()).param("kind", "NOTICE"))
                .andExpect(status().isForbidden()).andExpect(forwardedUrl("/errors/expired-form"));
        mvc.perform(post("/supervision/measures/m-2/record").with(supervisor()).param("minutes", "x"))
                .andExpect(status().isForbidden()).andExpect(forwardedUrl("/errors/expired-form"));
        verify(measures, never()).issueMeasure(any(), any());
        verify(measures, never()).recordMeasure(any(), any());
    }
}
