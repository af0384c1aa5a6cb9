package org.duban.console.assignments;

import java.util.ArrayList;
import java.util.List;

import org.duban.client.intake.model.Assignment;
import org.duban.client.intake.model.AssignmentStatus;
import org.duban.console.ConsoleFixtures;
import org.duban.console.ConsoleTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.console.assignments.AssignmentsFixtures.ASSIGNMENT_ID;
import static org.duban.console.assignments.AssignmentsFixtures.orders;
import static org.duban.console.assignments.AssignmentsFixtures.pageOf;
import static org.duban.console.security.local.SignedInUsers.leader;
import static org.duban.console.security.local.SignedInUsers.supervisor;
import static org.duban.console.security.local.SignedInUsers.unit;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class AssignmentsControllerTest extends ConsoleTest {

    @BeforeEach
    void noSupervisionOrders() {
        when(supervisions.listSupervisionOrders(any(), any(), any(), anyInt(), anyInt())).thenReturn(orders());
    }

    // --- the list ---------------------------------------------------------------------------------

    @Test
    void theListShowsEachAssignmentWithItsMatterUnitStateAndTheDaysLeftInWords() throws Exception {
        // given
        when(assignments.listAssignments(any(), any(), any(), any(), anyInt(), anyInt()))
                .thenReturn(pageOf(AssignmentsFixtures.overdue(), AssignmentsFixtures.assigned(4).id("asg-2")));

        // when
        Document list = page(get("/assignments").with(supervisor()));

        // then
        verify(assignments).listAssignments(null, null, null, null, 0, 20);
        assertThat(list.select("tbody tr")).hasSize(2);
        var overdue = list.select("tbody tr").get(0);
        assertThat(overdue.select("a[href='/matters/case-1']").text()).isEqualTo("小区加装电梯纠纷");
        assertThat(overdue.select("a[href='/units/unit-cg']").text()).isEqualTo("城关街道办事处");
        assertThat(overdue.text()).contains("交办", "办理中", "超期 3 天");
        assertThat(overdue.hasClass("line--red")).isTrue();
        assertThat(overdue.select("a[href='/assignments/asg-1']")).isNotEmpty();
        var waiting = list.select("tbody tr").get(1);
        assertThat(waiting.text()).contains("转送", "待签收", "剩 4 天", "剩 40 天");
    }

    @Test
    void theFiltersGoToTheApiAndStayInThePagingLinks() throws Exception {
        // given
        when(assignments.listAssignments(any(), any(), any(), any(), anyInt(), anyInt()))
                .thenReturn(AssignmentsFixtures.page(List.of(AssignmentsFixtures.reported()), 1, 45, 3));

        // when
        Document list = page(get("/assignments").param("unitId", ConsoleFixtures.CHENGGUAN.getId())
                .param("status", "REPORTED").param("page", "1").with(supervisor()));

        // then
        verify(assignments).listAssignments(AssignmentStatus.REPORTED, "unit-cg", null, null, 1, 20);
        assertThat(list.select("#filter-unit option[selected]").val()).isEqualTo("unit-cg");
        assertThat(list.select("#filter-status option[selected]").text()).isEqualTo("待审核");
        assertThat(list.select(".lead").text()).contains("城关街道办事处");
        assertThat(list.select(".pagination a[rel=next]").attr("href"))
                .isEqualTo("/assignments?unitId=unit-cg&status=REPORTED&page=2");
        assertThat(list.select(".pagination__summary").text()).isEqualTo("第 2 / 3 页，共 45 条");
    }

    @Test
    void aStatusThatIsNotOneOfTheChoicesShowsEveryAssignment() throws Exception {
        // given
        when(assignments.listAssignments(any(), any(), any(), any(), anyInt(), anyInt())).thenReturn(pageOf());

        // when
        mvc.perform(get("/assignments").param("status", "LOST").param("page", "-4").with(supervisor()))
                .andExpect(status().isOk());

        // then
        verify(assignments).listAssignments(null, null, null, null, 0, 20);
    }

    @Test
    void anEmptyListSaysWhatToDoNext() throws Exception {
        // given
        when(assignments.listAssignments(any(), any(), any(), any(), anyInt(), anyInt())).thenReturn(pageOf());

        // when
        Document list = page(get("/assignments").param("status", "OBJECTED").with(supervisor()));

        // then
        assertThat(list.select("table")).isEmpty();
        assertThat(list.select(".empty").text()).contains("当前筛选下没有交办事项", "清除筛选");
    }

    @Test
    void aLeaderReadsTheList() throws Exception {
        // given
        when(assignments.listAssignments(any(), any(), any(), any(), anyInt(), anyInt()))
                .thenReturn(pageOf(AssignmentsFixtures.overdue()));

        // when
        Document list = page(get("/assignments").with(leader()));

        // then
        assertThat(list.select("tbody tr")).hasSize(1);
        assertThat(list.select("a[href='/review']")).as("leaders review nothing").isEmpty();
    }

    @Test
    void aUnitIsAnsweredTheNotFoundPageForTheListAndForAnAssignment() throws Exception {
        mvc.perform(get("/assignments").with(unit(ConsoleFixtures.CHENGGUAN.getId()))).andExpect(status().isNotFound());
        mvc.perform(get("/assignments/" + ASSIGNMENT_ID).with(unit(ConsoleFixtures.CHENGGUAN.getId())))
                .andExpect(status().isNotFound());
    }

    // --- one assignment ---------------------------------------------------------------------------

    @Test
    void anAssignmentShowsItsDeadlinesInstructionsAnswersAndHistory() throws Exception {
        // given
        when(assignments.getAssignment(ASSIGNMENT_ID)).thenReturn(AssignmentsFixtures.overdue());

        // when
        Document assignment = page(get("/assignments/" + ASSIGNMENT_ID).with(supervisor()));

        // then
        assertThat(assignment.select("h1").text()).isEqualTo("小区加装电梯纠纷");
        assertThat(assignment.select(".page-heading a[href='/units/unit-cg']").text()).isEqualTo("城关街道办事处");
        assertThat(assignment.select(".page-heading a[href='/matters/case-1']")).isNotEmpty();
        assertThat(assignment.text()).contains("办理中", "超期 3 天", "请于期限内妥善处理并答复信访人。", "退回重办 0 次");
        assertThat(assignment.select(".timeline li").eachText())
                .as("progress notes, oldest first").hasSize(2)
                .satisfies(notes -> {
                    assertThat(notes.get(0)).contains("已约谈物业公司。");
                    assertThat(notes.get(1)).contains("已组织业主协商。");
                });
        assertThat(assignment.text()).contains("需协调住建部门。", "未同意", "理由不充分。");
        assertThat(assignment.select("#decision")).as("nothing waits for a decision").isEmpty();
    }

    @Test
    void aProvisionalDeadlineIsMarkedWhereItStandsAndExplained() throws Exception {
        // given: the result deadline was counted through a year without its holiday notice
        when(assignments.getAssignment(ASSIGNMENT_ID)).thenReturn(AssignmentsFixtures.assigned(10)
                .deadlineProvisional(true)
                .provisionalDeadlines(new ArrayList<>(List.of(Assignment.ProvisionalDeadlinesEnum.RESULT))));

        // when
        Document assignment = page(get("/assignments/" + ASSIGNMENT_ID).with(supervisor()));

        // then: one mark, beside the result deadline, and the explanation
        assertThat(assignment.select(".provisional")).hasSize(1);
        assertThat(assignment.select(".provisional").parents().first().text()).contains("暂定");
        assertThat(assignment.select("#assignment-provisional-note").text()).contains("暂定期限", "调休");
    }

    @Test
    void anOpenAssignmentOffersToSuperviseItAndToCancelItAfterConfirmation() throws Exception {
        // given
        when(assignments.getAssignment(ASSIGNMENT_ID)).thenReturn(AssignmentsFixtures.overdue());

        // when
        Document assignment = page(get("/assignments/" + ASSIGNMENT_ID).with(supervisor()));

        // then
        assertThat(assignment.select("a[href='/supervision/orders/new?assignmentId=asg-1']").text()).isEqualTo("督办");
        var cancel = assignment.select("form[action='/assignments/asg-1/cancel']");
        assertThat(cancel.attr("data-confirm")).contains("撤销后不能恢复");
        assertThat(cancel.select("label[for='field-cancel.reason']").text()).contains("撤销理由");
        assertThat(cancel.select("textarea[name=reason]")).hasSize(1);
        assertThat(cancel.select("input[name=_csrf]")).hasSize(1);
    }

    @Test
    void anAssignmentListsItsSupervisionOrdersWithLinksToThem() throws Exception {
        // given
        when(assignments.getAssignment(ASSIGNMENT_ID)).thenReturn(AssignmentsFixtures.overdue());
        when(supervisions.listSupervisionOrders(any(), any(), any(), anyInt(), anyInt()))
                .thenReturn(orders(AssignmentsFixtures.order()));

        // when
        Document assignment = page(get("/assignments/" + ASSIGNMENT_ID).with(supervisor()));

        // then
        verify(supervisions).listSupervisionOrders(null, null, ASSIGNMENT_ID, 0, 50);
        var order = assignment.select("#orders tbody tr");
        assertThat(order).hasSize(1);
        assertThat(order.text()).contains("超期未办结", "自动", "发函督办", "待回复");
        assertThat(order.select("a[href='/supervision/orders/ord-1']").text()).isEqualTo("查看督办单");
    }

    @Test
    void aReportedAssignmentShowsTheFinalReportBesideTheReviewForm() throws Exception {
        // given
        when(assignments.getAssignment(ASSIGNMENT_ID)).thenReturn(AssignmentsFixtures.reported());

        // when
        Document assignment = page(get("/assignments/" + ASSIGNMENT_ID).with(supervisor()));

        // then
        var decision = assignment.select("#decision");
        assertThat(decision.text()).contains("审核办结报告", "解决到位", "已化解", "按期报送", "已协调物业加装电梯，答复信访人。");
        var review = decision.select("form[action='/assignments/asg-1/review']");
        assertThat(review.select("input[name=decision][value=APPROVE]")).hasSize(1);
        assertThat(review.select("input[name=decision][value=SEND_BACK]")).hasSize(1);
        assertThat(review.select("[data-visible-when='decision=SEND_BACK'] input[type=date][name=newDueAt]")).hasSize(1);
        assertThat(review.select("label[for=field-newDueAt]").text()).contains("新的办结期限");
        assertThat(assignment.text()).contains("最近一次审核意见", "请补充答复信访人的书面材料。", "退回重办 1 次");
    }

    @Test
    void anObjectionIsDecidedWithAPickerOfEveryRegisteredUnit() throws Exception {
        // given
        when(assignments.getAssignment(ASSIGNMENT_ID)).thenReturn(AssignmentsFixtures.objected());

        // when
        Document assignment = page(get("/assignments/" + ASSIGNMENT_ID).with(supervisor()));

        // then
        var decision = assignment.select("#decision");
        assertThat(decision.text()).contains("决定异议", "该事项属区教育局职责。");
        var form = decision.select("form[action='/assignments/asg-1/objection/decision']");
        assertThat(form.select("input[name=upheld]").eachAttr("value")).containsExactly("true", "false");
        assertThat(form.select("[data-visible-when='upheld=true'] select[name=reassignToUnitId] option").eachText())
                .containsExactly("请选择单位", "城关街道办事处", "区教育局");
    }

    @Test
    void aPendingExtensionIsDecidedOnItsOwnAddress() throws Exception {
        // given
        when(assignments.getAssignment(ASSIGNMENT_ID)).thenReturn(AssignmentsFixtures.withPendingExtension());

        // when
        Document assignment = page(get("/assignments/" + ASSIGNMENT_ID).with(supervisor()));

        // then
        var decision = assignment.select("#decision");
        assertThat(decision.text()).contains("审批延期申请", "15 天", "需协调多个部门。", "当前办结期限", "剩 6 天");
        var form = decision.select("form[action='/assignments/asg-1/extensions/ext-1/decision']");
        assertThat(form.select("input[name=approved]").eachAttr("value")).containsExactly("true", "false");
        assertThat(form.select("textarea[name=note]")).hasSize(1);
        assertThat(assignment.select("h2:contains(延期申请) + table tbody tr"))
                .as("the history lists the decided request only").hasSize(1);
    }

    @Test
    void aLeaderReadsWhatWaitsButIsOfferedNoDecisionNoSupervisionAndNoCancellation() throws Exception {
        // given
        when(assignments.getAssignment(ASSIGNMENT_ID)).thenReturn(AssignmentsFixtures.reported());

        // when
        Document assignment = page(get("/assignments/" + ASSIGNMENT_ID).with(leader()));

        // then
        assertThat(assignment.select("#decision").text()).contains("等待督查督办科决定", "解决到位", "领导身份只读");
        assertThat(assignment.select("form[method=post]")).as("only signing out").hasSize(1);
        assertThat(assignment.select("a[href^='/supervision/orders/new']")).isEmpty();
    }

    @Test
    void aConcludedAssignmentCanNoLongerBeSupervisedOrCancelled() throws Exception {
        // given
        when(assignments.getAssignment(ASSIGNMENT_ID)).thenReturn(AssignmentsFixtures.concluded());

        // when
        Document assignment = page(get("/assignments/" + ASSIGNMENT_ID).with(supervisor()));

        // then
        assertThat(assignment.text()).contains("已办结", "办结时间", "办结报告", "解决到位");
        assertThat(assignment.select("#decision, #cancel")).isEmpty();
        assertThat(assignment.select("a[href^='/supervision/orders/new']")).isEmpty();
    }

    @Test
    void anAssignmentThePlatformDoesNotKnowIsAnsweredTheNotFoundPage() throws Exception {
        // given
        when(assignments.getAssignment(eq("nope"))).thenThrow(ConsoleFixtures.refusal(404, """
                {"type":"urn:duban:problem:not-found","status":404,"detail":"no assignment nope is known"}"""));

        // when / then
        mvc.perform(get("/assignments/nope").with(supervisor())).andExpect(status().isNotFound());
        verify(supervisions, never()).listSupervisionOrders(isNull(), isNull(), eq("nope"), anyInt(), anyInt());
    }
}
