package org.duban.console.assignments;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.stream.Stream;

import org.duban.client.intake.model.AssignmentStatus;
import org.duban.client.intake.model.CancelRequest;
import org.duban.client.intake.model.ExtensionDecisionRequest;
import org.duban.client.intake.model.ObjectionDecisionRequest;
import org.duban.client.intake.model.ReviewDecision;
import org.duban.client.intake.model.ReviewRequest;
import org.duban.console.ConsoleFixtures;
import org.duban.console.ConsoleTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockito.ArgumentCaptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.console.assignments.AssignmentsFixtures.ASSIGNMENT_ID;
import static org.duban.console.assignments.AssignmentsFixtures.orders;
import static org.duban.console.security.local.SignedInUsers.leader;
import static org.duban.console.security.local.SignedInUsers.supervisor;
import static org.duban.console.security.local.SignedInUsers.unit;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class AssignmentDecisionsControllerTest extends ConsoleTest {

    private static final String REVIEW = "/assignments/asg-1/review";
    private static final String OBJECTION = "/assignments/asg-1/objection/decision";
    private static final String EXTENSION = "/assignments/asg-1/extensions/ext-1/decision";
    private static final String CANCEL = "/assignments/asg-1/cancel";

    @BeforeEach
    void noSupervisionOrders() {
        when(supervisions.listSupervisionOrders(any(), any(), any(), anyInt(), anyInt())).thenReturn(orders());
    }

    static Stream<String> decisions() {
        return Stream.of(REVIEW, OBJECTION, EXTENSION, CANCEL);
    }

    // --- review (审核办结报告) ----------------------------------------------------------------------

    @Test
    void approvingAFinalReportConcludesItAndGoesBackToTheAssignment() throws Exception {
        // given
        when(assignments.reviewAssignment(eq(ASSIGNMENT_ID), any())).thenReturn(AssignmentsFixtures.concluded());

        // when
        mvc.perform(post(REVIEW).with(supervisor()).with(csrf())
                        .param("decision", "APPROVE").param("reason", "办理到位。").param("newDueAt", "2026-12-20"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/assignments/asg-1"))
                .andExpect(flash().attribute("flash", "assignments.reviewed.APPROVE"));

        // then
        ArgumentCaptor<ReviewRequest> sent = ArgumentCaptor.forClass(ReviewRequest.class);
        verify(assignments).reviewAssignment(eq(ASSIGNMENT_ID), sent.capture());
        assertThat(sent.getValue()).isEqualTo(new ReviewRequest().decision(ReviewDecision.APPROVE).reason("办理到位。"));
    }

    @Test
    void sendingAReportBackCarriesTheReasonAndTheEndOfTheNewDeadlineDayInOfficeTime() throws Exception {
        // given
        when(assignments.reviewAssignment(eq(ASSIGNMENT_ID), any())).thenReturn(AssignmentsFixtures.overdue());

        // when
        mvc.perform(post(REVIEW).with(supervisor()).with(csrf())
                        .param("decision", "SEND_BACK").param("reason", "未附答复材料。").param("newDueAt", "2026-12-20"))
                .andExpect(redirectedUrl("/assignments/asg-1"))
                .andExpect(flash().attribute("flash", "assignments.reviewed.SEND_BACK"));

        // then
        ArgumentCaptor<ReviewRequest> sent = ArgumentCaptor.forClass(ReviewRequest.class);
        verify(assignments).reviewAssignment(eq(ASSIGNMENT_ID), sent.capture());
        assertThat(sent.getValue().getDecision()).isEqualTo(ReviewDecision.SEND_BACK);
        assertThat(sent.getValue().getReason()).isEqualTo("未附答复材料。");
        assertThat(sent.getValue().getNewDueAt().toInstant())
                .isEqualTo(OffsetDateTime.of(2026, 12, 20, 23, 59, 59, 0, ZoneOffset.ofHours(8)).toInstant());
    }

    @Test
    void theQuickApprovalOfTheReviewListGoesBackToTheList() throws Exception {
        // given
        when(assignments.reviewAssignment(eq(ASSIGNMENT_ID), any())).thenReturn(AssignmentsFixtures.concluded());

        // when / then
        mvc.perform(post(REVIEW).with(supervisor()).with(csrf()).param("decision", "APPROVE").param("from", "review"))
                .andExpect(redirectedUrl("/review"))
                .andExpect(flash().attribute("flash", "assignments.reviewed.APPROVE"));
    }

    @Test
    void aRefusedSendBackShowsTheErrorBesideTheNewDeadlineAndKeepsWhatWasTyped() throws Exception {
        // given
        when(assignments.reviewAssignment(eq(ASSIGNMENT_ID), any())).thenThrow(ConsoleFixtures.invalid("newDueAt",
                "a report sent back needs a new deadline in the future"));
        when(assignments.getAssignment(ASSIGNMENT_ID)).thenReturn(AssignmentsFixtures.reported());

        // when
        Document page = page(post(REVIEW).with(supervisor()).with(csrf())
                .param("decision", "SEND_BACK").param("reason", "未附答复材料。").param("newDueAt", "2020-01-01"));

        // then
        assertThat(page.select(".error-summary__title").text()).isEqualTo("提交未成功：请修改下列内容。");
        assertThat(page.select(".error-summary__list a").text()).isEqualTo("新的办结期限：退回重办须设定晚于现在的新期限");
        assertThat(page.select(".error-summary__list a").attr("href")).isEqualTo("#field-newDueAt");
        assertThat(page.select("#error-newDueAt").text()).isEqualTo("退回重办须设定晚于现在的新期限");
        assertThat(page.select("#field-newDueAt").val()).isEqualTo("2020-01-01");
        assertThat(page.select("#field-reason").val()).isEqualTo("未附答复材料。");
        assertThat(page.select("#field-decision-SEND_BACK").hasAttr("checked")).isTrue();
        assertThat(page.select("#field-cancel\\.reason").val()).as("the other forms stay blank").isEmpty();
        assertThat(page.select("#error-cancel\\.reason")).isEmpty();
    }

    @Test
    void aDayThatDoesNotParseIsRefusedBesideItsFieldWithoutCallingThePlatform() throws Exception {
        // given
        when(assignments.getAssignment(ASSIGNMENT_ID)).thenReturn(AssignmentsFixtures.reported());

        // when
        Document page = page(post(REVIEW).with(supervisor()).with(csrf())
                .param("decision", "SEND_BACK").param("newDueAt", "20th December"));

        // then
        verify(assignments, never()).reviewAssignment(any(), any());
        assertThat(page.select("#error-newDueAt").text()).isEqualTo("格式不正确");
        assertThat(page.select("#field-newDueAt").val()).isEqualTo("20th December");
    }

    @Test
    void aReviewOfAnAssignmentNoLongerReportedNamesItsStateInChineseAndShowsTheAssignmentAgain() throws Exception {
        // given
        when(assignments.reviewAssignment(eq(ASSIGNMENT_ID), any()))
                .thenThrow(ConsoleFixtures.stateConflict("assignment", ASSIGNMENT_ID, "CONCLUDED", "review"));
        when(assignments.getAssignment(ASSIGNMENT_ID)).thenReturn(AssignmentsFixtures.concluded());

        // when
        Document page = page(post(REVIEW).with(supervisor()).with(csrf()).param("decision", "APPROVE"));

        // then
        assertThat(page.select(".error-summary__title").text()).isEqualTo("当前状态为“已办结”，不能进行此操作。");
        assertThat(page.select("h1").text()).isEqualTo("小区加装电梯纠纷");
        assertThat(page.select("form[action='/assignments/asg-1/review']")).as("shown as it is now").isEmpty();
    }

    // --- objection (异议) --------------------------------------------------------------------------

    @Test
    void upholdingAnObjectionSendsTheUnitThatGetsTheMatterInstead() throws Exception {
        // given
        when(assignments.decideObjection(eq(ASSIGNMENT_ID), any())).thenReturn(AssignmentsFixtures.objected()
                .status(AssignmentStatus.CANCELLED));

        // when
        mvc.perform(post(OBJECTION).with(supervisor()).with(csrf())
                        .param("upheld", "true").param("reassignToUnitId", ConsoleFixtures.EDUCATION_BUREAU.getId()))
                .andExpect(redirectedUrl("/assignments/asg-1"))
                .andExpect(flash().attribute("flash", "assignments.objection.upheld"));

        // then
        ArgumentCaptor<ObjectionDecisionRequest> sent = ArgumentCaptor.forClass(ObjectionDecisionRequest.class);
        verify(assignments).decideObjection(eq(ASSIGNMENT_ID), sent.capture());
        assertThat(sent.getValue()).isEqualTo(new ObjectionDecisionRequest().upheld(true).reassignToUnitId("unit-jy"));
    }

    @Test
    void rejectingAnObjectionSendsNoUnitEvenWhenOneWasPickedBefore() throws Exception {
        // given
        when(assignments.decideObjection(eq(ASSIGNMENT_ID), any())).thenReturn(AssignmentsFixtures.assigned(5));

        // when
        mvc.perform(post(OBJECTION).with(supervisor()).with(csrf())
                        .param("upheld", "false").param("reassignToUnitId", ConsoleFixtures.EDUCATION_BUREAU.getId()))
                .andExpect(redirectedUrl("/assignments/asg-1"))
                .andExpect(flash().attribute("flash", "assignments.objection.rejected"));

        // then
        ArgumentCaptor<ObjectionDecisionRequest> sent = ArgumentCaptor.forClass(ObjectionDecisionRequest.class);
        verify(assignments).decideObjection(eq(ASSIGNMENT_ID), sent.capture());
        assertThat(sent.getValue()).isEqualTo(new ObjectionDecisionRequest().upheld(false));
    }

    @Test
    void aUnitThePlatformRefusesForTheReassignmentIsShownBesideThePickerWithTheChoiceKept() throws Exception {
        // given
        when(assignments.decideObjection(eq(ASSIGNMENT_ID), any())).thenThrow(ConsoleFixtures.invalid("reassignToUnitId",
                "must be another unit than the one that objected"));
        when(assignments.getAssignment(ASSIGNMENT_ID)).thenReturn(AssignmentsFixtures.objected());

        // when
        Document page = page(post(OBJECTION).with(supervisor()).with(csrf())
                .param("upheld", "true").param("reassignToUnitId", ConsoleFixtures.CHENGGUAN.getId()));

        // then
        assertThat(page.select("#error-reassignToUnitId").text()).isEqualTo("应为提出异议的单位以外的单位");
        assertThat(page.select("#field-reassignToUnitId option[selected]").val()).isEqualTo("unit-cg");
        assertThat(page.select("#field-reassignToUnitId").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.select("#field-upheld").hasAttr("checked")).isTrue();
    }

    @Test
    void anObjectionDecidedWithoutChoosingIsRefusedBesideTheChoice() throws Exception {
        // given
        when(assignments.decideObjection(eq(ASSIGNMENT_ID), any()))
                .thenThrow(ConsoleFixtures.invalid("upheld", "must not be null"));
        when(assignments.getAssignment(ASSIGNMENT_ID)).thenReturn(AssignmentsFixtures.objected());

        // when
        Document page = page(post(OBJECTION).with(supervisor()).with(csrf()));

        // then
        assertThat(page.select("#error-upheld").text()).isEqualTo("必须填写");
        assertThat(page.select(".error-summary__list a").attr("href")).isEqualTo("#field-upheld");
    }

    @Test
    void reassigningToAUnitTheMatterAccusesIsRefusedInChinese() throws Exception {
        // given
        when(assignments.decideObjection(eq(ASSIGNMENT_ID), any())).thenThrow(ConsoleFixtures.refusal(409, """
                {"type":"urn:duban:problem:conflict","status":409,
                 "detail":"case case-1 accuses unit unit-jy: a whistleblowing matter is never sent to a unit it accuses"}"""));
        when(assignments.getAssignment(ASSIGNMENT_ID)).thenReturn(AssignmentsFixtures.objected());

        // when
        Document page = page(post(OBJECTION).with(supervisor()).with(csrf())
                .param("upheld", "true").param("reassignToUnitId", "unit-jy"));

        // then
        assertThat(page.select(".error-summary__title").text()).startsWith("该信访事项检举揭发了这个单位");
        assertThat(page.select("#field-reassignToUnitId option[selected]").val()).isEqualTo("unit-jy");
    }

    // --- extension (延期) --------------------------------------------------------------------------

    @Test
    void approvingAnExtensionSendsTheDecisionAndTheNote() throws Exception {
        // given
        when(assignments.decideExtension(eq(ASSIGNMENT_ID), eq("ext-1"), any()))
                .thenReturn(AssignmentsFixtures.overdue());

        // when
        mvc.perform(post(EXTENSION).with(supervisor()).with(csrf()).param("approved", "true").param("note", "同意延期。"))
                .andExpect(redirectedUrl("/assignments/asg-1"))
                .andExpect(flash().attribute("flash", "assignments.extension.approved"));

        // then
        ArgumentCaptor<ExtensionDecisionRequest> sent = ArgumentCaptor.forClass(ExtensionDecisionRequest.class);
        verify(assignments).decideExtension(eq(ASSIGNMENT_ID), eq("ext-1"), sent.capture());
        assertThat(sent.getValue()).isEqualTo(new ExtensionDecisionRequest().approved(true).note("同意延期。"));
    }

    @Test
    void rejectingAnExtensionSaysTheDeadlineStays() throws Exception {
        // given
        when(assignments.decideExtension(eq(ASSIGNMENT_ID), eq("ext-1"), any()))
                .thenReturn(AssignmentsFixtures.overdue());

        // when / then
        mvc.perform(post(EXTENSION).with(supervisor()).with(csrf()).param("approved", "false").param("note", ""))
                .andExpect(flash().attribute("flash", "assignments.extension.rejected"));
        ArgumentCaptor<ExtensionDecisionRequest> sent = ArgumentCaptor.forClass(ExtensionDecisionRequest.class);
        verify(assignments).decideExtension(eq(ASSIGNMENT_ID), eq("ext-1"), sent.capture());
        assertThat(sent.getValue()).isEqualTo(new ExtensionDecisionRequest().approved(false));
    }

    @Test
    void aNoteTooLongIsShownBesideItWithTheTextKept() throws Exception {
        // given
        when(assignments.decideExtension(eq(ASSIGNMENT_ID), eq("ext-1"), any()))
                .thenThrow(ConsoleFixtures.invalid("note", "must be at most 2000 characters"));
        when(assignments.getAssignment(ASSIGNMENT_ID)).thenReturn(AssignmentsFixtures.withPendingExtension());
        String note = "长".repeat(2001);

        // when
        Document page = page(post(EXTENSION).with(supervisor()).with(csrf()).param("approved", "true").param("note", note));

        // then
        assertThat(page.select("#error-note").text()).isEqualTo("不能超过 2000 个字");
        assertThat(page.select("#field-note").val()).isEqualTo(note);
        assertThat(page.select("#field-approved").hasAttr("checked")).isTrue();
    }

    @Test
    void anExtensionAlreadyDecidedIsSaidInChinese() throws Exception {
        // given
        when(assignments.decideExtension(eq(ASSIGNMENT_ID), eq("ext-1"), any())).thenThrow(ConsoleFixtures.refusal(409, """
                {"type":"urn:duban:problem:conflict","status":409,"detail":"extension ext-1 is already APPROVED"}"""));
        when(assignments.getAssignment(ASSIGNMENT_ID)).thenReturn(AssignmentsFixtures.overdue());

        // when
        Document page = page(post(EXTENSION).with(supervisor()).with(csrf()).param("approved", "false"));

        // then
        assertThat(page.select(".error-summary__title").text()).isEqualTo("该延期申请已审批。");
    }

    @Test
    void anExtensionThePlatformDoesNotKnowIsAnsweredTheNotFoundPage() throws Exception {
        // given
        when(assignments.decideExtension(eq(ASSIGNMENT_ID), eq("ext-1"), any())).thenThrow(ConsoleFixtures.refusal(404, """
                {"type":"urn:duban:problem:not-found","status":404,"detail":"no extension ext-1 is known"}"""));

        // when / then
        mvc.perform(post(EXTENSION).with(supervisor()).with(csrf()).param("approved", "true"))
                .andExpect(status().isNotFound());
    }

    // --- cancel (撤销) -----------------------------------------------------------------------------

    @Test
    void cancellingSendsTheReason() throws Exception {
        // given
        when(assignments.cancelAssignment(eq(ASSIGNMENT_ID), any()))
                .thenReturn(AssignmentsFixtures.overdue().status(AssignmentStatus.CANCELLED));

        // when
        mvc.perform(post(CANCEL).with(supervisor()).with(csrf()).param("reason", "重复交办。"))
                .andExpect(redirectedUrl("/assignments/asg-1"))
                .andExpect(flash().attribute("flash", "assignments.cancelled"));

        // then
        verify(assignments).cancelAssignment(ASSIGNMENT_ID, new CancelRequest().reason("重复交办。"));
    }

    @Test
    void aCancellationWithoutReasonIsRefusedBesideTheCancellationsReasonNotTheReviews() throws Exception {
        // given
        when(assignments.cancelAssignment(eq(ASSIGNMENT_ID), any()))
                .thenThrow(ConsoleFixtures.invalid("reason", "is required"));
        when(assignments.getAssignment(ASSIGNMENT_ID)).thenReturn(AssignmentsFixtures.reported());

        // when
        Document page = page(post(CANCEL).with(supervisor()).with(csrf()).param("reason", "  "));

        // then
        assertThat(page.select(".error-summary__list a").text()).isEqualTo("撤销理由：必须填写");
        assertThat(page.select(".error-summary__list a").attr("href")).isEqualTo("#field-cancel.reason");
        assertThat(page.select("#error-cancel\\.reason").text()).isEqualTo("必须填写");
        assertThat(page.select("#error-reason")).as("the review's reason is another field").isEmpty();
        assertThat(page.select("[id=field-reason]")).hasSize(1);
    }

    @Test
    void cancellingAnAssignmentAlreadyConcludedNamesItsState() throws Exception {
        // given
        when(assignments.cancelAssignment(eq(ASSIGNMENT_ID), any()))
                .thenThrow(ConsoleFixtures.stateConflict("assignment", ASSIGNMENT_ID, "CONCLUDED", "cancel"));
        when(assignments.getAssignment(ASSIGNMENT_ID)).thenReturn(AssignmentsFixtures.concluded());

        // when
        Document page = page(post(CANCEL).with(supervisor()).with(csrf()).param("reason", "重复交办。"));

        // then
        assertThat(page.select(".error-summary__title").text()).isEqualTo("当前状态为“已办结”，不能进行此操作。");
    }

    // --- who may decide ----------------------------------------------------------------------------

    @ParameterizedTest
    @MethodSource("decisions")
    void aLeaderDecidesNothing(String decision) throws Exception {
        // when
        mvc.perform(post(decision).with(leader()).with(csrf()).param("decision", "APPROVE").param("upheld", "false")
                        .param("approved", "true").param("reason", "x"))
                .andExpect(status().isForbidden());

        // then
        verifyNoInteractions(assignments);
    }

    @ParameterizedTest
    @MethodSource("decisions")
    void aUnitIsAnsweredTheNotFoundPage(String decision) throws Exception {
        // when
        mvc.perform(post(decision).with(unit(ConsoleFixtures.CHENGGUAN.getId())).with(csrf()).param("reason", "x"))
                .andExpect(status().isNotFound());

        // then
        verifyNoInteractions(assignments);
    }

    @ParameterizedTest
    @MethodSource("decisions")
    void aDecisionPostedWithoutItsCsrfTokenChangesNothingAndSaysTheFormExpired(String decision) throws Exception {
        // when
        mvc.perform(post(decision).with(supervisor()).param("decision", "APPROVE").param("upheld", "false")
                        .param("approved", "true").param("reason", "x"))
                .andExpect(status().isForbidden())
                .andExpect(forwardedUrl("/errors/expired-form"));

        // then
        verifyNoInteractions(assignments);
    }
}
