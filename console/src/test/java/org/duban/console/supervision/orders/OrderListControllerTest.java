package org.duban.console.supervision.orders;

import java.util.List;

import org.duban.client.supervision.model.SupervisionOrderStatus;
import org.duban.console.ConsoleTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.console.security.local.SignedInUsers.leader;
import static org.duban.console.security.local.SignedInUsers.supervisor;
import static org.duban.console.security.local.SignedInUsers.unit;
import static org.duban.console.supervision.SupervisionFixtures.CASE_TITLE;
import static org.duban.console.supervision.SupervisionFixtures.UNIT_ID;
import static org.duban.console.supervision.SupervisionFixtures.openOrder;
import static org.duban.console.supervision.SupervisionFixtures.orderCount;
import static org.duban.console.supervision.SupervisionFixtures.orderPage;
import static org.duban.console.supervision.SupervisionFixtures.overdueOrder;
import static org.duban.console.supervision.SupervisionFixtures.proposal;
import static org.duban.console.supervision.SupervisionFixtures.titles;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class OrderListControllerTest extends ConsoleTest {

    @BeforeEach
    void ordersAndTwoProposals() {
        when(supervisions.listSupervisionOrders(any(), isNull(), isNull(), anyInt(), anyInt()))
                .thenReturn(orderPage(List.of(openOrder("so-1"), overdueOrder("so-2"), proposal("so-3")), 0, 3, 1));
        when(supervisions.listSupervisionOrders(any(), eq(SupervisionOrderStatus.PROPOSED), isNull(), anyInt(), anyInt()))
                .thenReturn(orderCount(2));
        when(cases.listCases(isNull(), any(), any(), any(), any(), any(), any(), any(), anyInt(), anyInt()))
                .thenReturn(titles());
    }

    @Test
    void aSupervisorSeesEachOrderWithItsMatterUnitTriggerFormStatusAndResponseDeadline() throws Exception {
        // when
        Document list = page(get("/supervision").with(supervisor()));

        // then
        assertThat(list.select("h1").text()).isEqualTo("督办单");
        assertThat(list.select("tbody tr")).hasSize(3);
        String open = list.select("tbody tr").get(0).text();
        assertThat(open).contains(CASE_TITLE, "城关街道办事处", "拖延", "发函督办", "待回复", "人工", "剩 5 天");
        assertThat(list.select("tbody tr").get(0).select("a[href='/matters/case-1']").text()).isEqualTo(CASE_TITLE);
        assertThat(list.select("tbody tr").get(0).select("a[href='/assignments/asg-1']").text()).isEqualTo("交办事项");
        assertThat(list.select("tbody tr").get(0).select("a[href='/units/unit-cg']")).hasSize(1);
        assertThat(list.select("tbody tr").get(0).select("a[href='/supervision/orders/so-1']").text()).isEqualTo("查看");
        String proposed = list.select("tbody tr").get(2).text();
        assertThat(proposed).contains("超期未办结", "待定", "待确认", "自动");
        assertThat(list.select("tbody tr").get(2).select("a[href='/supervision/orders/so-3']").text())
                .isEqualTo("确认或不予督办");
    }

    @Test
    void anOrderPastItsResponseDeadlineSaysHowManyDaysItIsOverdue() throws Exception {
        // when
        Document list = page(get("/supervision").with(supervisor()));

        // then
        assertThat(list.select("tbody tr").get(1).hasClass("line--red")).isTrue();
        assertThat(list.select("tbody tr").get(1).select(".overdue").text()).isEqualTo("超期 4 天");
    }

    @Test
    void theProposalsWaitingForASupervisorAreCountedOnTheirOwnTabAndAnnouncedAboveTheList() throws Exception {
        // when
        Document list = page(get("/supervision").with(supervisor()));

        // then
        verify(supervisions).listSupervisionOrders(null, SupervisionOrderStatus.PROPOSED, null, 0, 1);
        assertThat(list.select(".tabs a[href='/supervision?status=PROPOSED']").text()).isEqualTo("待确认 2");
        assertThat(list.select(".proposals-waiting a[href='/supervision?status=PROPOSED']").text())
                .isEqualTo("2 件督办建议（超期自动生成）等待确认");
        assertThat(list.select(".tabs a.current").text()).isEqualTo("全部");
        assertThat(list.select(".tabs a").eachText())
                .containsExactly("全部", "待确认 2", "待回复", "已回复", "已办结", "已撤销");
    }

    @Test
    void onTheProposalsTabTheCountIsThatOfTheListItself() throws Exception {
        // given
        when(supervisions.listSupervisionOrders(any(), eq(SupervisionOrderStatus.PROPOSED), isNull(), anyInt(), anyInt()))
                .thenReturn(orderPage(List.of(proposal("so-3")), 0, 1, 1));

        // when
        Document list = page(get("/supervision").param("status", "PROPOSED").with(supervisor()));

        // then
        verify(supervisions, times(1)).listSupervisionOrders(any(), any(), any(), anyInt(), anyInt());
        verify(supervisions).listSupervisionOrders(null, SupervisionOrderStatus.PROPOSED, null, 0, 20);
        assertThat(list.select(".tabs a.current").text()).isEqualTo("待确认 1");
        assertThat(list.select(".proposals-waiting")).isEmpty();
    }

    @Test
    void theStatusUnitAndPageGoToTheApiAndEveryLinkKeepsTheUnit() throws Exception {
        // given
        when(supervisions.listSupervisionOrders(eq(UNIT_ID), eq(SupervisionOrderStatus.OPEN), isNull(), anyInt(), anyInt()))
                .thenReturn(orderPage(List.of(openOrder("so-1")), 1, 45, 3));

        // when
        Document list = page(get("/supervision").param("status", "OPEN").param("unitId", UNIT_ID).param("page", "1")
                .with(supervisor()));

        // then
        verify(supervisions).listSupervisionOrders(UNIT_ID, SupervisionOrderStatus.OPEN, null, 1, 20);
        verify(supervisions).listSupervisionOrders(UNIT_ID, SupervisionOrderStatus.PROPOSED, null, 0, 1);
        assertThat(list.select(".pagination__summary").text()).isEqualTo("第 2 / 3 页，共 45 条");
        assertThat(list.select(".pagination a[rel=next]").attr("href"))
                .isEqualTo("/supervision?status=OPEN&unitId=unit-cg&page=2");
        assertThat(list.select(".tabs a.current").attr("href")).isEqualTo("/supervision?unitId=unit-cg&status=OPEN");
        assertThat(list.select(".tabs a").first().attr("href")).isEqualTo("/supervision?unitId=unit-cg");
        assertThat(list.select("#filter-unit option[selected]").val()).isEqualTo(UNIT_ID);
        assertThat(list.select("form.filters input[name=status]").val()).isEqualTo("OPEN");
    }

    @Test
    void aStatusThatIsNotOneOfTheChoicesShowsEveryOrder() throws Exception {
        // when
        mvc.perform(get("/supervision").param("status", "LOST").with(supervisor())).andExpect(status().isOk());

        // then
        verify(supervisions).listSupervisionOrders(null, null, null, 0, 20);
    }

    @Test
    void theMattersTitlesOfAPageAreAskedForInOneCall() throws Exception {
        // when
        page(get("/supervision").with(supervisor()));

        // then
        verify(cases, times(1)).listCases(null, List.of("case-1"), null, null, null, null, null, null, 0, 1);
    }

    @Test
    void theSectionLinksToItsOtherParts() throws Exception {
        // when
        Document list = page(get("/supervision").with(supervisor()));

        // then
        assertThat(list.select("nav.subnav a").eachAttr("href")).containsExactly("/supervision",
                "/supervision/escalations", "/supervision/recommendations", "/supervision/measures");
        assertThat(list.select("nav.subnav a").eachText()).containsExactly("督办单", "问责升级", "三项建议", "问责措施");
        assertThat(list.select("nav.subnav a.current").text()).isEqualTo("督办单");
    }

    @Test
    void anEmptyListSaysWhereOrdersComeFrom() throws Exception {
        // given
        when(supervisions.listSupervisionOrders(any(), isNull(), isNull(), anyInt(), anyInt())).thenReturn(orderCount(0));
        when(supervisions.listSupervisionOrders(any(), eq(SupervisionOrderStatus.PROPOSED), isNull(), anyInt(), anyInt()))
                .thenReturn(orderCount(0));

        // when
        Document list = page(get("/supervision").with(supervisor()));

        // then
        assertThat(list.select("table")).isEmpty();
        assertThat(list.select(".empty").text()).isEqualTo("当前筛选下没有督办单。需要督办的事项可在督办看板中选择。");
        assertThat(list.select(".proposals-waiting")).isEmpty();
        verify(cases, never()).listCases(any(), any(), any(), any(), any(), any(), any(), any(), any(), any());
    }

    @Test
    void aLeaderReadsTheListButIsNotInvitedToDecide() throws Exception {
        // when
        Document list = page(get("/supervision").with(leader()));

        // then
        assertThat(list.select("tbody tr")).hasSize(3);
        assertThat(list.select("a[href='/board'].button")).isEmpty();
        assertThat(list.select("tbody tr").get(2).select("a[href='/supervision/orders/so-3']").text()).isEqualTo("查看");
    }

    @Test
    void theOrdersOwnPathLeadsToTheList() throws Exception {
        mvc.perform(get("/supervision/orders").with(leader()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/supervision"));
    }

    @Test
    void aUnitIsAnsweredTheNotFoundPage() throws Exception {
        mvc.perform(get("/supervision").with(unit(UNIT_ID))).andExpect(status().isNotFound());
        verify(supervisions, never()).listSupervisionOrders(any(), any(), any(), any(), any());
    }
}
