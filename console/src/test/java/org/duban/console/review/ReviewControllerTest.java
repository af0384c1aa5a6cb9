package org.duban.console.review;

import java.util.List;

import org.duban.client.intake.model.AssignmentStatus;
import org.duban.client.intake.model.FinalReportOutcome;
import org.duban.console.ConsoleFixtures;
import org.duban.console.ConsoleTest;
import org.duban.console.assignments.AssignmentsFixtures;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.console.assignments.AssignmentsFixtures.pageOf;
import static org.duban.console.security.local.SignedInUsers.leader;
import static org.duban.console.security.local.SignedInUsers.supervisor;
import static org.duban.console.security.local.SignedInUsers.unit;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ReviewControllerTest extends ConsoleTest {

    @BeforeEach
    void nothingWaits() {
        reports(pageOf());
        objections(pageOf());
        extensions(pageOf());
    }

    private void reports(org.duban.client.intake.model.AssignmentPage page) {
        when(assignments.listAssignments(eq(AssignmentStatus.REPORTED), isNull(), isNull(), isNull(), anyInt(), anyInt()))
                .thenReturn(page);
    }

    private void objections(org.duban.client.intake.model.AssignmentPage page) {
        when(assignments.listAssignments(eq(AssignmentStatus.OBJECTED), isNull(), isNull(), isNull(), anyInt(), anyInt()))
                .thenReturn(page);
    }

    private void extensions(org.duban.client.intake.model.AssignmentPage page) {
        when(assignments.listAssignments(isNull(), isNull(), isNull(), eq(true), anyInt(), anyInt())).thenReturn(page);
    }

    @Test
    void eachListHasItsCountAndItsLinesLinkToTheAssignmentWhereTheDecisionIsTaken() throws Exception {
        // given
        var late = AssignmentsFixtures.reported().id("asg-late");
        late.getFinalReport().withinDeadline(false).resolved(false).outcome(FinalReportOutcome.EDUCATED);
        reports(AssignmentsFixtures.page(List.of(AssignmentsFixtures.reported(), late), 0, 12, 2));
        objections(pageOf(AssignmentsFixtures.objected().id("asg-obj")));
        extensions(pageOf(AssignmentsFixtures.withPendingExtension().id("asg-ext")));

        // when
        Document review = page(get("/review").with(supervisor()));

        // then
        assertThat(review.select(".count__number").eachText()).containsExactly("12", "1", "1");
        assertThat(review.select(".count a").eachAttr("href")).containsExactly("#reports", "#objections", "#extensions");

        var reports = review.select("#reports tbody tr");
        assertThat(reports).hasSize(2);
        assertThat(reports.get(0).text()).contains("小区加装电梯纠纷", "城关街道办事处", "按期", "解决到位", "已化解", "曾退回 1 次");
        assertThat(reports.get(1).text()).contains("逾期", "教育到位", "未化解");
        assertThat(reports.get(0).select("a[href='/assignments/asg-1']").text()).isEqualTo("小区加装电梯纠纷");
        assertThat(reports.get(0).select("a[href='/assignments/asg-1#decision']").text()).startsWith("审核");
        assertThat(reports.get(0).select("a[href='/units/unit-cg']")).isNotEmpty();

        var objection = review.select("#objections tbody tr");
        assertThat(objection.text()).contains("城关街道办事处", "该事项属区教育局职责。");
        assertThat(objection.select("a[href='/assignments/asg-obj#decision']").text()).startsWith("决定");

        var extension = review.select("#extensions tbody tr");
        assertThat(extension.text()).contains("15 天", "需协调多个部门。");
        assertThat(extension.select("a[href='/assignments/asg-ext#decision']").text()).startsWith("审批");
    }

    @Test
    void aFinalReportCanBeApprovedFromTheListAfterConfirmation() throws Exception {
        // given
        reports(pageOf(AssignmentsFixtures.reported()));

        // when
        Document review = page(get("/review").with(supervisor()));

        // then
        var approve = review.select("#reports form[action='/assignments/asg-1/review']");
        assertThat(approve.attr("method")).isEqualTo("post");
        assertThat(approve.attr("data-confirm")).contains("小区加装电梯纠纷", "审核通过");
        assertThat(approve.select("input[name=decision]").val()).isEqualTo("APPROVE");
        assertThat(approve.select("input[name=from]").val()).isEqualTo("review");
        assertThat(approve.select("input[name=_csrf]")).hasSize(1);
        assertThat(approve.select("button").text()).as("the button names its matter to a screen reader")
                .isEqualTo("审核通过：小区加装电梯纠纷");
    }

    @Test
    void eachListIsAskedForItsOwnPageAndItsPagingKeepsTheOthersWhereTheyAre() throws Exception {
        // given
        reports(AssignmentsFixtures.page(List.of(AssignmentsFixtures.reported()), 1, 25, 3));

        // when
        Document review = page(get("/review").param("reportsPage", "1").param("objectionsPage", "2").with(supervisor()));

        // then
        verify(assignments).listAssignments(AssignmentStatus.REPORTED, null, null, null, 1, 10);
        verify(assignments).listAssignments(AssignmentStatus.OBJECTED, null, null, null, 2, 10);
        verify(assignments).listAssignments(null, null, null, true, 0, 10);
        assertThat(review.select("#reports .pagination a[rel=next]").attr("href"))
                .isEqualTo("/review?objectionsPage=2&reportsPage=2#reports");
        assertThat(review.select("#reports .pagination__summary").text()).isEqualTo("第 2 / 3 页，共 25 条");
        assertThat(review.select("#reports .review-paging").attr("hx-select")).isEqualTo("#reports");
    }

    @Test
    void emptyListsSayWhatWillAppearThere() throws Exception {
        // when
        Document review = page(get("/review").with(supervisor()));

        // then
        assertThat(review.select(".count__number").eachText()).containsExactly("0", "0", "0");
        assertThat(review.select("#reports .empty").text()).startsWith("没有待审核的办结报告");
        assertThat(review.select("#objections .empty").text()).startsWith("没有待决定的异议");
        assertThat(review.select("#extensions .empty").text()).startsWith("没有待审批的延期申请");
        assertThat(review.select("table")).isEmpty();
    }

    @Test
    void aLeaderIsNotAllowedToReview() throws Exception {
        // when
        mvc.perform(get("/review").with(leader()))
                .andExpect(status().isForbidden())
                .andExpect(forwardedUrl("/errors/forbidden"));

        // then
        verifyNoInteractions(assignments);
    }

    @Test
    void aUnitIsAnsweredTheNotFoundPage() throws Exception {
        mvc.perform(get("/review").with(unit(ConsoleFixtures.CHENGGUAN.getId()))).andExpect(status().isNotFound());
    }
}
