package org.duban.console.desk;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.duban.client.intake.model.AcceptAssignmentRequest;
import org.duban.client.intake.model.Assignment;
import org.duban.client.intake.model.AssignmentExtension;
import org.duban.client.intake.model.AssignmentFinalReport;
import org.duban.client.intake.model.AssignmentKind;
import org.duban.client.intake.model.AssignmentObjection;
import org.duban.client.intake.model.AssignmentProgressNote;
import org.duban.client.intake.model.AssignmentStatus;
import org.duban.client.intake.model.ExtensionRequest;
import org.duban.client.intake.model.ExtensionStatus;
import org.duban.client.intake.model.FinalReportOutcome;
import org.duban.client.intake.model.FinalReportRequest;
import org.duban.client.intake.model.ObjectionRequest;
import org.duban.client.intake.model.ProgressRequest;
import org.duban.client.supervision.model.SupervisionOrderStatus;
import org.duban.console.ConsoleFixtures;
import org.duban.console.ConsoleTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.console.desk.DeskFixtures.UNIT;
import static org.duban.console.desk.DeskFixtures.assignment;
import static org.duban.console.desk.DeskFixtures.assignmentPage;
import static org.duban.console.desk.DeskFixtures.daysFromNow;
import static org.duban.console.desk.DeskFixtures.matter;
import static org.duban.console.desk.DeskFixtures.order;
import static org.duban.console.desk.DeskFixtures.orderPage;
import static org.duban.console.security.local.SignedInUsers.leader;
import static org.duban.console.security.local.SignedInUsers.supervisor;
import static org.duban.console.security.local.SignedInUsers.unit;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
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

class DeskAssignmentsControllerTest extends ConsoleTest {

    @BeforeEach
    void theMatterAndNoSupervisionOrders() {
        when(cases.getCase("case-1")).thenReturn(matter());
        when(supervisions.listSupervisionOrders(isNull(), isNull(), any(), anyInt(), anyInt())).thenReturn(orderPage(0, 0));
    }

    private void theAssignmentIs(Assignment assignment) {
        when(assignments.getAssignment(assignment.getId())).thenReturn(assignment);
    }

    // --- the list ---

    @Test
    void theListShowsEachAssignmentWithWhatIsExpectedNextAndItsDeadlinesInDays() throws Exception {
        // given
        Assignment toAccept = assignment("asg-1", AssignmentStatus.ASSIGNED).acceptanceDueAt(daysFromNow(3));
        Assignment late = assignment("asg-2", AssignmentStatus.ACCEPTED).caseTitle("拖欠工资").dueAt(daysFromNow(-2));
        Assignment transfer = assignment("asg-3", AssignmentStatus.REPORTED).kind(AssignmentKind.TRANSFER).caseTitle("噪声扰民");
        when(assignments.listAssignments(any(), any(), any(), any(), anyInt(), anyInt()))
                .thenReturn(assignmentPage(0, 1, toAccept, late, transfer));

        // when
        Document list = page(get("/desk/assignments").with(unit(UNIT)));

        // then
        verify(assignments).listAssignments(null, null, null, null, 0, 20);
        assertThat(list.select("tbody tr")).hasSize(3);
        assertThat(list.select("tbody tr").get(0).text())
                .contains("小区加装电梯纠纷", "交办", "待签收", "待签收：请在受理期限前签收", "剩 3 天", "剩 58 天");
        assertThat(list.select("tbody tr").get(0).select("a").attr("href")).isEqualTo("/desk/assignments/asg-1");
        assertThat(list.select("tbody tr").get(0).hasClass("line--yellow")).isTrue();
        assertThat(list.select("tbody tr").get(1).text()).contains("拖欠工资", "办理中：请按期提交办结报告", "已于", "超期 2 天");
        assertThat(list.select("tbody tr").get(1).hasClass("line--red")).isTrue();
        assertThat(list.select("tbody tr").get(2).text()).contains("转送", "待审核：等待督查督办科审核办结报告")
                .doesNotContain("剩", "超期");
    }

    @Test
    void theStatusFilterGoesToTheApiAndStaysInThePagingLinks() throws Exception {
        // given
        when(assignments.listAssignments(any(), any(), any(), any(), anyInt(), anyInt()))
                .thenReturn(assignmentPage(1, 3, assignment("asg-1", AssignmentStatus.ACCEPTED)));

        // when
        Document list = page(get("/desk/assignments").param("status", "ACCEPTED").param("page", "1").with(unit(UNIT)));

        // then
        verify(assignments).listAssignments(AssignmentStatus.ACCEPTED, null, null, null, 1, 20);
        assertThat(list.select("#filter-status option[selected]").val()).isEqualTo("ACCEPTED");
        assertThat(list.select(".pagination a[rel=next]").attr("href")).isEqualTo("/desk/assignments?status=ACCEPTED&page=2");
    }

    @Test
    void aStatusThatIsNotOneListsAllAndAnEmptyListSaysWhereAssignmentsComeFrom() throws Exception {
        // given
        when(assignments.listAssignments(any(), any(), any(), any(), anyInt(), anyInt())).thenReturn(assignmentPage(0, 0));

        // when
        Document list = page(get("/desk/assignments").param("status", "LOST").with(unit(UNIT)));

        // then
        verify(assignments).listAssignments(null, null, null, null, 0, 20);
        assertThat(list.select(".empty").text()).contains("督查督办科交办或转送事项后");
    }

    @Test
    void officeStaffCannotOpenTheUnitsAssignments() throws Exception {
        mvc.perform(get("/desk/assignments").with(supervisor())).andExpect(status().isForbidden());
        mvc.perform(get("/desk/assignments/asg-1").with(leader())).andExpect(status().isForbidden());
        mvc.perform(post("/desk/assignments/asg-1/accept").with(supervisor()).with(csrf()).param("noticeSentAt", "2026-12-03T10:30"))
                .andExpect(status().isForbidden());
        verifyNoInteractions(assignments);
    }

    // --- one assignment ---

    @Test
    void anAssignmentToAcceptShowsTheMatterWithItsPetitionerTheAcceptFormAndTheObjectionForm() throws Exception {
        // given
        theAssignmentIs(assignment("asg-1", AssignmentStatus.ASSIGNED));
        when(supervisions.listSupervisionOrders(null, null, "asg-1", 0, 50))
                .thenReturn(orderPage(0, 1, order("ord-1", SupervisionOrderStatus.OPEN)));

        // when
        Document page = page(get("/desk/assignments/asg-1").with(unit(UNIT)));

        // then
        assertThat(page.select("h1").text()).isEqualTo("小区加装电梯纠纷");
        assertThat(page.select("#next .desk-next__step").text()).isEqualTo("待签收：请在受理期限前签收，并书面告知信访人");
        assertThat(page.select("#next").text()).contains("剩 13 天");
        assertThat(page.text()).contains("刘建国", "13800001111", "330102198001011234", "低层住户反对加装电梯",
                "请于期限内书面答复信访人。", "突出信访问题");
        assertThat(page.select("form#accept").attr("action")).isEqualTo("/desk/assignments/asg-1/accept");
        assertThat(page.select("#field-noticeSentAt").val()).as("defaults to now").matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");
        assertThat(page.select("form#objection").attr("action")).isEqualTo("/desk/assignments/asg-1/objection");
        assertThat(page.select("form#objection").attr("data-confirm")).isNotBlank();
        assertThat(page.select("form#progress, form#final-report")).isEmpty();
        assertThat(page.select("#orders tbody tr").text()).contains("超期未办结", "发函督办", "待回复", "剩 3 天", "回复");
        assertThat(page.select("#orders a[href='/desk/orders/ord-1']")).isNotEmpty();
        assertThat(page.select("#history li").text()).contains("督查督办科交办本单位");
    }

    @Test
    void afterTheObjectionWindowOnlyAcceptingIsOffered() throws Exception {
        // given
        theAssignmentIs(assignment("asg-1", AssignmentStatus.ASSIGNED).objectionDueAt(daysFromNow(-1)));

        // when
        Document page = page(get("/desk/assignments/asg-1").with(unit(UNIT)));

        // then
        assertThat(page.select("form#accept")).isNotEmpty();
        assertThat(page.select("form#objection")).isEmpty();
        assertThat(page.select("#next").text()).contains("异议期限已于", "截止");
    }

    @Test
    void anAcceptedAssignmentOffersProgressExtensionAndTheFinalReportWithFreshIdempotencyKeys() throws Exception {
        // given
        theAssignmentIs(assignment("asg-1", AssignmentStatus.ACCEPTED));

        // when
        Document page = page(get("/desk/assignments/asg-1").with(unit(UNIT)));

        // then
        assertThat(page.select("form#accept, form#objection")).isEmpty();
        assertThat(page.select("form#progress input[name=idempotencyKey]").val()).isNotBlank();
        assertThat(page.select("#extension form input[name=idempotencyKey]").val()).isNotBlank()
                .isNotEqualTo(page.select("form#progress input[name=idempotencyKey]").val());
        assertThat(page.select("form#final-report input[name=outcome]").eachAttr("value"))
                .containsExactly("SOLVED", "EDUCATED", "ASSISTED", "LEGALLY_HANDLED");
        assertThat(page.select("form#final-report").text()).contains("解决到位", "教育到位", "帮扶到位", "依法处理", "已化解", "未化解");
        assertThat(page.select("form#final-report input[name=resolved]").eachAttr("value")).containsExactly("YES", "NO");
        assertThat(page.select("#field-repliedAt").val()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");
        assertThat(page.select("form#final-report").attr("data-confirm")).isNotBlank();
        assertThat(page.select("form#final-report").text()).contains("审核通过即办结");
    }

    @Test
    void aPendingExtensionIsShownInsteadOfAnotherRequest() throws Exception {
        // given
        Assignment assignment = assignment("asg-1", AssignmentStatus.ACCEPTED);
        assignment.getExtensions().add(new AssignmentExtension().id("ext-1").days(10).reason("需要现场测量")
                .requestedAt(OffsetDateTime.of(2026, 12, 2, 1, 0, 0, 0, ZoneOffset.UTC)).status(ExtensionStatus.PENDING));
        theAssignmentIs(assignment);

        // when
        Document page = page(get("/desk/assignments/asg-1").with(unit(UNIT)));

        // then
        assertThat(page.select("#next .desk-next__step").text()).isEqualTo("办理中：延期申请待督查督办科审批");
        assertThat(page.select("#extension form")).isEmpty();
        assertThat(page.select("#extension").text()).contains("已申请延期 10 天（2026-12-02 09:00）");
        assertThat(page.select("#history").text()).contains("申请延期 10 天：", "需要现场测量");
    }

    @Test
    void aSentBackAssignmentShowsTheReviewReasonAndItsHistory() throws Exception {
        // given
        Assignment assignment = assignment("asg-1", AssignmentStatus.ACCEPTED).sendBacks(1).reviewReason("未附答复信访人的书面材料。")
                .finalReport(new AssignmentFinalReport().outcome(FinalReportOutcome.EDUCATED).resolved(false)
                        .summary("已向信访人解释政策。").repliedAt(daysFromNow(-1)).submittedAt(daysFromNow(-1))
                        .withinDeadline(true));
        assignment.getProgress().add(new AssignmentProgressNote().id("n-1").note("已约谈信访人").reportedAt(daysFromNow(-1)));
        assignment.getExtensions().add(new AssignmentExtension().id("ext-1").days(10).reason("需要现场测量")
                .requestedAt(daysFromNow(-1)).status(ExtensionStatus.APPROVED).note("同意").decidedAt(daysFromNow(-1)));
        theAssignmentIs(assignment);

        // when
        Document page = page(get("/desk/assignments/asg-1").with(unit(UNIT)));

        // then
        assertThat(page.select("#next").text()).contains("退回重办：请按审核意见重新办理", "未附答复信访人的书面材料。");
        assertThat(page.text()).contains("退回重办 1 次", "已延期 10 天");
        assertThat(page.select("#history").text()).contains("签收并受理告知", "报告进展：已约谈信访人",
                "延期申请（10 天）已同意：同意", "提交办结报告：教育到位，未化解", "已向信访人解释政策。");
    }

    @Test
    void anObjectedAssignmentWaitsForTheOfficesDecisionAndShowsTheObjection() throws Exception {
        // given
        theAssignmentIs(assignment("asg-1", AssignmentStatus.OBJECTED).objection(new AssignmentObjection()
                .reason("该小区属城东街道管辖").objectedAt(daysFromNow(-1))));

        // when
        Document page = page(get("/desk/assignments/asg-1").with(unit(UNIT)));

        // then
        assertThat(page.select("#next .desk-next__step").text()).isEqualTo("异议待决：等待督查督办科决定");
        assertThat(page.select("#next").text()).contains("等待督查督办科决定：同意的，事项改派其他单位");
        assertThat(page.select("#next form")).isEmpty();
        assertThat(page.select("#history").text()).contains("提出异议：该小区属城东街道管辖");
    }

    @Test
    void aTransfersFinalReportSaysItConcludesTheMatterAtOnce() throws Exception {
        // given
        theAssignmentIs(assignment("asg-1", AssignmentStatus.ACCEPTED).kind(AssignmentKind.TRANSFER));

        // when
        Document page = page(get("/desk/assignments/asg-1").with(unit(UNIT)));

        // then
        assertThat(page.select("form#final-report").text()).contains("转送事项提交办结报告后即办结。");
    }

    @Test
    void aReportedAssignmentWaitsForTheOfficesReviewAndOffersNothing() throws Exception {
        // given
        theAssignmentIs(assignment("asg-1", AssignmentStatus.REPORTED));

        // when
        Document page = page(get("/desk/assignments/asg-1").with(unit(UNIT)));

        // then
        assertThat(page.select("#next").text()).contains("办结报告已提交，等待督查督办科审核。");
        assertThat(page.select("#next form")).isEmpty();
    }

    @Test
    void concludedAndCancelledAssignmentsAreReadOnly() throws Exception {
        // given
        theAssignmentIs(assignment("asg-1", AssignmentStatus.CONCLUDED).closedAt(daysFromNow(-1)).reviewReason("办理到位。"));
        theAssignmentIs(assignment("asg-2", AssignmentStatus.CANCELLED).closedAt(daysFromNow(-1)).cancelReason("改派城东街道"));
        when(cases.getCase("case-1")).thenReturn(matter());

        // when
        Document concluded = page(get("/desk/assignments/asg-1").with(unit(UNIT)));
        Document cancelled = page(get("/desk/assignments/asg-2").with(unit(UNIT)));

        // then
        assertThat(concluded.select("main form")).isEmpty();
        assertThat(concluded.select("#next").text()).contains("该事项已办结。");
        assertThat(concluded.select("#history").text()).contains("已办结");
        assertThat(cancelled.select("main form")).isEmpty();
        assertThat(cancelled.text()).contains("该交办已撤销，无需继续办理。", "改派城东街道");
    }

    @Test
    void theMatterOfACancelledAssignmentTheUnitMayNoLongerReadIsLeftOut() throws Exception {
        // given
        theAssignmentIs(assignment("asg-1", AssignmentStatus.CANCELLED).closedAt(daysFromNow(-1)));
        when(cases.getCase("case-1")).thenThrow(DeskFixtures.notFound("case", "case-1"));

        // when
        Document page = page(get("/desk/assignments/asg-1").with(unit(UNIT)));

        // then
        assertThat(page.select("h1").text()).isEqualTo("小区加装电梯纠纷");
        assertThat(page.text()).contains("信访事项的详情不再向本单位显示").doesNotContain("刘建国");
    }

    @Test
    void anotherUnitsAssignmentAnswersTheNotFoundPage() throws Exception {
        // given
        when(assignments.getAssignment("asg-x")).thenThrow(DeskFixtures.notFound("assignment", "asg-x"));
        when(assignments.reportProgress(eq("asg-x"), any(), any())).thenThrow(DeskFixtures.notFound("assignment", "asg-x"));

        // when
        Document page = page(get("/desk/assignments/asg-x").with(unit(UNIT)));

        // then
        assertThat(page.select("h1").text()).isEqualTo("未找到");
        mvc.perform(get("/desk/assignments/asg-x").with(unit(UNIT))).andExpect(status().isNotFound());
        mvc.perform(post("/desk/assignments/asg-x/progress").with(unit(UNIT)).with(csrf()).param("note", "n")
                .param("idempotencyKey", "k")).andExpect(status().isNotFound());
    }

    // --- answers ---

    @Test
    void acceptingSendsTheNoticeTimeInOfficeTimeAndComesBackWithAMessage() throws Exception {
        // given
        when(assignments.acceptAssignment(eq("asg-1"), any())).thenReturn(assignment("asg-1", AssignmentStatus.ACCEPTED));

        // when
        mvc.perform(post("/desk/assignments/asg-1/accept").with(unit(UNIT)).with(csrf()).param("noticeSentAt", "2026-12-03T10:30"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/desk/assignments/asg-1"))
                .andExpect(flash().attribute("flash", "desk.assignment.accepted"));

        // then
        ArgumentCaptor<AcceptAssignmentRequest> sent = ArgumentCaptor.forClass(AcceptAssignmentRequest.class);
        verify(assignments).acceptAssignment(eq("asg-1"), sent.capture());
        assertThat(sent.getValue().getNoticeSentAt()).isEqualTo(OffsetDateTime.parse("2026-12-03T10:30+08:00"));
    }

    @Test
    void aNoticeTimeThatDoesNotParseIsRefusedBesideItsFieldWithoutCallingThePlatform() throws Exception {
        // given
        theAssignmentIs(assignment("asg-1", AssignmentStatus.ASSIGNED));

        // when
        Document page = page(post("/desk/assignments/asg-1/accept").with(unit(UNIT)).with(csrf()).param("noticeSentAt", "昨天下午"));

        // then
        verify(assignments, never()).acceptAssignment(any(), any());
        assertThat(page.select(".error-summary__list a").eachText()).containsExactly("受理告知时间：格式不正确");
        assertThat(page.select("#error-noticeSentAt").text()).isEqualTo("格式不正确");
        assertThat(page.select("#field-noticeSentAt").val()).isEqualTo("昨天下午");
    }

    @Test
    void aNoticeTimeThePlatformRefusesIsShownBesideItsField() throws Exception {
        // given
        theAssignmentIs(assignment("asg-1", AssignmentStatus.ASSIGNED));
        when(assignments.acceptAssignment(eq("asg-1"), any()))
                .thenThrow(ConsoleFixtures.invalid("noticeSentAt", "cannot lie in the future"));

        // when
        Document page = page(post("/desk/assignments/asg-1/accept").with(unit(UNIT)).with(csrf()).param("noticeSentAt", "2027-01-01T09:00"));

        // then
        assertThat(page.select("#error-noticeSentAt").text()).isEqualTo("不能晚于当前时间");
        assertThat(page.select("#field-noticeSentAt").val()).isEqualTo("2027-01-01T09:00");
    }

    @Test
    void acceptingAnAssignmentAlreadyAcceptedSaysItsStateInChinese() throws Exception {
        // given
        theAssignmentIs(assignment("asg-1", AssignmentStatus.ACCEPTED));
        when(assignments.acceptAssignment(eq("asg-1"), any()))
                .thenThrow(ConsoleFixtures.stateConflict("assignment", "asg-1", "ACCEPTED", "accept"));

        // when
        Document page = page(post("/desk/assignments/asg-1/accept").with(unit(UNIT)).with(csrf()).param("noticeSentAt", "2026-12-03T10:30"));

        // then
        assertThat(page.select(".error-summary__title").text()).isEqualTo("当前状态为“办理中”，不能进行此操作。");
        assertThat(page.select("form#progress")).as("the page shows the assignment as it is now").isNotEmpty();
    }

    @Test
    void objectingSendsTheReason() throws Exception {
        // given
        when(assignments.objectToAssignment(eq("asg-1"), any())).thenReturn(assignment("asg-1", AssignmentStatus.OBJECTED));

        // when
        mvc.perform(post("/desk/assignments/asg-1/objection").with(unit(UNIT)).with(csrf()).param("reason", " 该小区属城东街道管辖 "))
                .andExpect(redirectedUrl("/desk/assignments/asg-1"))
                .andExpect(flash().attribute("flash", "desk.assignment.objected"));

        // then
        ArgumentCaptor<ObjectionRequest> sent = ArgumentCaptor.forClass(ObjectionRequest.class);
        verify(assignments).objectToAssignment(eq("asg-1"), sent.capture());
        assertThat(sent.getValue().getReason()).isEqualTo("该小区属城东街道管辖");
    }

    @Test
    void anObjectionAfterTheWindowClosedIsSaidInChineseAndKeepsTheReason() throws Exception {
        // given
        theAssignmentIs(assignment("asg-1", AssignmentStatus.ASSIGNED));
        when(assignments.objectToAssignment(eq("asg-1"), any())).thenThrow(
                DeskFixtures.conflict("assignment asg-1: the objection window closed at 2026-12-02T15:59:59Z"));

        // when
        Document page = page(post("/desk/assignments/asg-1/objection").with(unit(UNIT)).with(csrf()).param("reason", "不属本单位"));

        // then
        assertThat(page.select(".error-summary__title").text()).isEqualTo("异议期限已过，不能再提出异议。");
        assertThat(page.select("#field-reason").val()).isEqualTo("不属本单位");
    }

    @Test
    void reportingProgressSendsTheNoteWithTheFormsIdempotencyKey() throws Exception {
        // given
        when(assignments.reportProgress(eq("asg-1"), any(), any())).thenReturn(assignment("asg-1", AssignmentStatus.ACCEPTED));

        // when
        mvc.perform(post("/desk/assignments/asg-1/progress").with(unit(UNIT)).with(csrf())
                        .param("note", "已约谈信访人").param("idempotencyKey", "key-p"))
                .andExpect(redirectedUrl("/desk/assignments/asg-1"))
                .andExpect(flash().attribute("flash", "desk.assignment.progressReported"));

        // then
        ArgumentCaptor<ProgressRequest> sent = ArgumentCaptor.forClass(ProgressRequest.class);
        verify(assignments).reportProgress(eq("asg-1"), sent.capture(), eq("key-p"));
        assertThat(sent.getValue().getNote()).isEqualTo("已约谈信访人");
    }

    @Test
    void aRefusedProgressNoteIsShownBesideItsFieldAndKeepsItsIdempotencyKey() throws Exception {
        // given
        theAssignmentIs(assignment("asg-1", AssignmentStatus.ACCEPTED));
        when(assignments.reportProgress(eq("asg-1"), any(), any()))
                .thenThrow(ConsoleFixtures.invalid("note", "must be at most 2000 characters"));

        // when
        Document page = page(post("/desk/assignments/asg-1/progress").with(unit(UNIT)).with(csrf())
                .param("note", "很长的进展").param("idempotencyKey", "key-p"));

        // then
        assertThat(page.select("#error-note").text()).isEqualTo("不能超过 2000 个字");
        assertThat(page.select("#field-note").val()).isEqualTo("很长的进展");
        assertThat(page.select("form#progress input[name=idempotencyKey]").val()).isEqualTo("key-p");
    }

    @Test
    void askingForAnExtensionSendsTheDaysAndReasonWithTheFormsIdempotencyKey() throws Exception {
        // given
        when(assignments.requestExtension(eq("asg-1"), any(), any())).thenReturn(assignment("asg-1", AssignmentStatus.ACCEPTED));

        // when
        mvc.perform(post("/desk/assignments/asg-1/extensions").with(unit(UNIT)).with(csrf())
                        .param("days", "10").param("reason", "需要现场测量").param("idempotencyKey", "key-e"))
                .andExpect(redirectedUrl("/desk/assignments/asg-1"))
                .andExpect(flash().attribute("flash", "desk.assignment.extensionRequested"));

        // then
        ArgumentCaptor<ExtensionRequest> sent = ArgumentCaptor.forClass(ExtensionRequest.class);
        verify(assignments).requestExtension(eq("asg-1"), sent.capture(), eq("key-e"));
        assertThat(sent.getValue().getDays()).isEqualTo(10);
        assertThat(sent.getValue().getReason()).isEqualTo("需要现场测量");
    }

    @Test
    void tooManyDaysAreRefusedBesideTheDaysWithWhatWasTyped() throws Exception {
        // given
        theAssignmentIs(assignment("asg-1", AssignmentStatus.ACCEPTED));
        when(assignments.requestExtension(eq("asg-1"), any(), any()))
                .thenThrow(ConsoleFixtures.invalid("days", "must be less than or equal to 30"));

        // when
        Document page = page(post("/desk/assignments/asg-1/extensions").with(unit(UNIT)).with(csrf())
                .param("days", "45").param("reason", "工程量大").param("idempotencyKey", "key-e"));

        // then
        assertThat(page.select(".error-summary__list a").eachText()).containsExactly("延期天数：不能大于 30");
        assertThat(page.select("#error-days").text()).isEqualTo("不能大于 30");
        assertThat(page.select("#field-days").val()).isEqualTo("45");
        assertThat(page.select("#field-reason").val()).isEqualTo("工程量大");
        assertThat(page.select("#extension input[name=idempotencyKey]").val()).isEqualTo("key-e");
    }

    @Test
    void daysThatAreNotANumberAreRefusedWithoutCallingThePlatform() throws Exception {
        // given
        theAssignmentIs(assignment("asg-1", AssignmentStatus.ACCEPTED));

        // when
        Document page = page(post("/desk/assignments/asg-1/extensions").with(unit(UNIT)).with(csrf())
                .param("days", "十天").param("reason", "r").param("idempotencyKey", "key-e"));

        // then
        verify(assignments, never()).requestExtension(any(), any(), any());
        assertThat(page.select("#error-days").text()).isEqualTo("格式不正确");
    }

    @Test
    void extensionsBeyondThirtyDaysInTotalAreSaidInChinese() throws Exception {
        // given
        theAssignmentIs(assignment("asg-1", AssignmentStatus.ACCEPTED));
        when(assignments.requestExtension(eq("asg-1"), any(), any())).thenThrow(
                DeskFixtures.conflict("extensions of an assignment total at most 30 days; 25 are approved or pending"));

        // when
        Document page = page(post("/desk/assignments/asg-1/extensions").with(unit(UNIT)).with(csrf())
                .param("days", "10").param("reason", "r").param("idempotencyKey", "key-e"));

        // then
        assertThat(page.select(".error-summary__title").text()).isEqualTo("延期累计不能超过 30 天。");
    }

    @Test
    void theFinalReportSendsTheOutcomeWhetherResolvedTheSummaryAndTheReplyTime() throws Exception {
        // given
        when(assignments.submitFinalReport(eq("asg-1"), any())).thenReturn(assignment("asg-1", AssignmentStatus.REPORTED));

        // when
        mvc.perform(post("/desk/assignments/asg-1/final-report").with(unit(UNIT)).with(csrf())
                        .param("outcome", "EDUCATED").param("resolved", "YES").param("summary", "已向信访人解释政策")
                        .param("repliedAt", "2026-12-02T16:00"))
                .andExpect(redirectedUrl("/desk/assignments/asg-1"))
                .andExpect(flash().attribute("flash", "desk.assignment.finalReportSubmitted"));

        // then
        ArgumentCaptor<FinalReportRequest> sent = ArgumentCaptor.forClass(FinalReportRequest.class);
        verify(assignments).submitFinalReport(eq("asg-1"), sent.capture());
        assertThat(sent.getValue().getOutcome()).isEqualTo(FinalReportOutcome.EDUCATED);
        assertThat(sent.getValue().getResolved()).isTrue();
        assertThat(sent.getValue().getSummary()).isEqualTo("已向信访人解释政策");
        assertThat(sent.getValue().getRepliedAt()).isEqualTo(OffsetDateTime.parse("2026-12-02T16:00+08:00"));
    }

    @Test
    void aRefusedFinalReportShowsEachErrorBesideItsFieldAndKeepsTheChoices() throws Exception {
        // given
        theAssignmentIs(assignment("asg-1", AssignmentStatus.ACCEPTED));
        when(assignments.submitFinalReport(eq("asg-1"), any())).thenThrow(ConsoleFixtures.refusal(400, """
                {"type":"urn:duban:problem:invalid-request","status":400,"detail":"The request is not valid",
                 "errors":[{"field":"summary","message":"must not be blank"},
                           {"field":"repliedAt","message":"cannot lie in the future"}]}"""));

        // when
        Document page = page(post("/desk/assignments/asg-1/final-report").with(unit(UNIT)).with(csrf())
                .param("outcome", "LEGALLY_HANDLED").param("resolved", "NO").param("summary", " ")
                .param("repliedAt", "2027-01-01T09:00"));

        // then
        assertThat(page.select("#error-summary").text()).isEqualTo("必须填写");
        assertThat(page.select("#error-repliedAt").text()).isEqualTo("不能晚于当前时间");
        assertThat(page.select("#field-repliedAt").val()).isEqualTo("2027-01-01T09:00");
        assertThat(page.select("input[name=outcome][checked]").val()).isEqualTo("LEGALLY_HANDLED");
        assertThat(page.select("input[name=resolved][checked]").val()).isEqualTo("NO");
    }

    @Test
    void aFinalReportWithoutAnOutcomeHasItsErrorBesideTheRadios() throws Exception {
        // given
        theAssignmentIs(assignment("asg-1", AssignmentStatus.ACCEPTED));
        when(assignments.submitFinalReport(eq("asg-1"), any())).thenThrow(ConsoleFixtures.invalid("outcome", "is required"));

        // when
        Document page = page(post("/desk/assignments/asg-1/final-report").with(unit(UNIT)).with(csrf())
                .param("resolved", "YES").param("summary", "s").param("repliedAt", "2026-12-02T16:00"));

        // then
        assertThat(page.select("fieldset.field--error #error-outcome").text()).isEqualTo("必须填写");
        assertThat(page.select(".error-summary__list a").attr("href")).isEqualTo("#field-outcome");
        assertThat(page.select("#field-outcome").attr("type")).isEqualTo("radio");
    }

    @Test
    void answersPostedWithoutTheFormsCsrfTokenChangeNothing() throws Exception {
        for (String action : List.of("accept", "objection", "progress", "extensions", "final-report")) {
            mvc.perform(post("/desk/assignments/asg-1/" + action).with(unit(UNIT)).param("reason", "r"))
                    .andExpect(status().isForbidden())
                    .andExpect(forwardedUrl("/errors/expired-form"));
        }
        verifyNoInteractions(assignments);
    }
}
