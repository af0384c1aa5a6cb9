package org.duban.console.board;

import java.util.List;

import org.duban.client.intake.model.CasePage;
import org.duban.client.intake.model.CaseSummary;
import org.duban.client.intake.model.PageInfo;
import org.duban.client.supervision.model.Alert;
import org.duban.client.supervision.model.AlertColour;
import org.duban.client.supervision.model.AlertCounts;
import org.duban.client.supervision.model.AlertKind;
import org.duban.client.supervision.model.AlertPage;
import org.duban.client.supervision.model.DeadlineKind;
import org.duban.console.ConsoleFixtures;
import org.duban.console.ConsoleTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.console.security.local.SignedInUsers.leader;
import static org.duban.console.security.local.SignedInUsers.supervisor;
import static org.duban.console.security.local.SignedInUsers.unit;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class BoardControllerTest extends ConsoleTest {

    private static final Alert OVERDUE = new Alert().kind(AlertKind.ASSIGNMENT).subjectId("asg-1").assignmentId("asg-1")
            .caseId("case-1").unitId(ConsoleFixtures.CHENGGUAN.getId()).assignmentKind(Alert.AssignmentKindEnum.ASSIGN)
            .deadlineKind(DeadlineKind.RESULT).dueAt(ConsoleFixtures.NOW.minusDays(2)).colour(AlertColour.RED)
            .overdue(true).daysLeft(-2).trackedSince(ConsoleFixtures.NOW.minusDays(62));

    @BeforeEach
    void oneOverdueAssignment() {
        when(alerts.listAlerts(any(), any(), any(), anyInt(), anyInt())).thenReturn(new AlertPage()
                .items(List.of(OVERDUE))
                .counts(new AlertCounts().red(1L).yellow(4L).green(37L))
                .page(new org.duban.client.supervision.model.PageInfo().page(0).size(20).totalElements(1L).totalPages(1)));
        when(cases.listCases(isNull(), eq(List.of("case-1")), any(), any(), any(), any(), any(), any(), anyInt(), anyInt()))
                .thenReturn(new CasePage().items(List.of(new CaseSummary().id("case-1").title("小区加装电梯纠纷")))
                        .page(new PageInfo().page(0).size(1).totalElements(1L).totalPages(1)));
    }

    @Test
    void aSupervisorSeesTheCountsByColourAndEachLineWithItsMatterAndUnitByName() throws Exception {
        // when
        Document board = page(get("/board").with(supervisor()));

        // then
        assertThat(board.select(".count--red .count__number").text()).isEqualTo("1");
        assertThat(board.select(".count--yellow .count__number").text()).isEqualTo("4");
        assertThat(board.select(".count--green .count__number").text()).isEqualTo("37");
        assertThat(board.select("tbody tr")).hasSize(1);
        assertThat(board.select("tbody tr").text())
                .contains("红", "小区加装电梯纠纷", "交办", "办结期限", "城关街道办事处", "超期 2 天");
        assertThat(board.select("tbody a[href='/supervision/orders/new?assignmentId=asg-1']").text()).isEqualTo("督办");
        assertThat(board.select("a[href='/matters/case-1']")).isNotEmpty();
    }

    @Test
    void aProvisionalDeadlineIsMarkedAndExplained() throws Exception {
        // given
        when(alerts.listAlerts(any(), any(), any(), anyInt(), anyInt())).thenReturn(new AlertPage()
                .items(List.of(new Alert().kind(AlertKind.ASSIGNMENT).subjectId("asg-1").assignmentId("asg-1")
                        .caseId("case-1").unitId(ConsoleFixtures.CHENGGUAN.getId())
                        .assignmentKind(Alert.AssignmentKindEnum.ASSIGN).deadlineKind(DeadlineKind.RESULT)
                        .dueAt(ConsoleFixtures.NOW.plusDays(70)).colour(AlertColour.GREEN).overdue(false).daysLeft(70)
                        .trackedSince(ConsoleFixtures.NOW).deadlineProvisional(true)))
                .counts(new AlertCounts().red(0L).yellow(0L).green(1L))
                .page(new org.duban.client.supervision.model.PageInfo().page(0).size(20).totalElements(1L).totalPages(1)));

        // when
        Document board = page(get("/board").with(supervisor()));

        // then
        assertThat(board.select("tbody .provisional").text()).isEqualTo("暂定");
        assertThat(board.select("tbody .provisional").attr("title")).contains("暂定期限", "调休");
        assertThat(board.select("#board-provisional-note").text()).contains("录入当年通知后系统自动重新计算");
    }

    @Test
    void anOfficialDeadlineCarriesNoMark() throws Exception {
        // when
        Document board = page(get("/board").with(supervisor()));

        // then
        assertThat(board.select(".provisional")).isEmpty();
        assertThat(board.select("#board-provisional-note")).isEmpty();
    }

    @Test
    void theBoardAsksTheRegistryOnlyForTitlesItHasNotSeenBecauseTitlesNeverChange() throws Exception {
        // when: the board twice, as its refresh does
        page(get("/board").with(supervisor()));
        Document again = page(get("/board/lines").header("HX-Request", "true").with(supervisor()));

        // then
        verify(cases, org.mockito.Mockito.times(1))
                .listCases(isNull(), eq(List.of("case-1")), any(), any(), any(), any(), any(), any(), anyInt(), anyInt());
        assertThat(again.select("tbody tr").text()).contains("小区加装电梯纠纷");
    }

    @Test
    void theFiltersGoToTheApiAndStayInThePagingAndRefreshLinks() throws Exception {
        // when
        Document board = page(get("/board").param("kind", "ASSIGNMENT").param("colour", "RED")
                .param("unitId", ConsoleFixtures.CHENGGUAN.getId()).with(supervisor()));

        // then
        verify(alerts).listAlerts(AlertColour.RED, ConsoleFixtures.CHENGGUAN.getId(), AlertKind.ASSIGNMENT, 0, 20);
        assertThat(board.select("#board-lines").attr("hx-get"))
                .isEqualTo("/board/lines?kind=ASSIGNMENT&colour=RED&unitId=unit-cg");
        assertThat(board.select("#board-lines").attr("hx-trigger")).isEqualTo("every 30s");
        assertThat(board.select("#filter-colour option[selected]").val()).isEqualTo("RED");
    }

    @Test
    void aFilterThatIsNotOneOfTheChoicesShowsTheDefaultBoard() throws Exception {
        // when
        mvc.perform(get("/board").param("kind", "NOPE").param("colour", "PURPLE").with(supervisor()))
                .andExpect(status().isOk());

        // then
        verify(alerts).listAlerts(null, null, AlertKind.ASSIGNMENT, 0, 20);
    }

    @Test
    void theBoardLinksTheApiDocumentsInItsFooter() throws Exception {
        // when
        Document board = page(get("/board").with(supervisor()));

        // then
        assertThat(board.select("footer a").eachAttr("href")).contains("/swagger-ui.html");
    }

    @Test
    void theRefreshAnswersOnlyTheLines() throws Exception {
        // when
        Document lines = page(get("/board/lines").header("HX-Request", "true").with(supervisor()));

        // then
        assertThat(lines.select("#board-lines")).hasSize(1);
        assertThat(lines.select("header.masthead")).isEmpty();
    }

    @Test
    void aLeaderReadsTheBoardButIsNotOfferedToOpenASupervisionOrder() throws Exception {
        // when
        Document board = page(get("/board").with(leader()));

        // then
        assertThat(board.select("tbody tr")).hasSize(1);
        assertThat(board.select("a[href^='/supervision/orders/new']")).isEmpty();
    }

    @Test
    void aUnitIsAnsweredTheNotFoundPage() throws Exception {
        // when / then
        mvc.perform(get("/board").with(unit(ConsoleFixtures.CHENGGUAN.getId()))).andExpect(status().isNotFound());
    }

    @Test
    void somebodyNotSignedInIsSentToSignIn() throws Exception {
        mvc.perform(get("/board")).andExpect(status().isFound()).andExpect(redirectedUrl("/signin"));
    }

    @Test
    void aRefreshAfterTheSessionEndedSendsTheWholePageToSignIn() throws Exception {
        mvc.perform(get("/board/lines").header("HX-Request", "true"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("HX-Redirect", "/signin"));
    }

    @Test
    void whenSupervisionIsUnavailableThePageSaysSoWithTheRequestId() throws Exception {
        // given
        when(alerts.listAlerts(any(), any(), any(), anyInt(), anyInt())).thenThrow(ConsoleFixtures.unavailable());

        // when
        Document page = page(get("/board").with(supervisor()));

        // then
        assertThat(page.select("h1").text()).isEqualTo("平台暂时无法访问");
        assertThat(page.text()).contains("req-503");
    }
}
