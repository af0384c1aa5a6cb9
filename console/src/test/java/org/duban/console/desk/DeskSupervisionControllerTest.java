package org.duban.console.desk;

import org.duban.client.supervision.model.MeasureKind;
import org.duban.client.supervision.model.MeasureStatus;
import org.duban.client.supervision.model.SupervisionOrderStatus;
import org.duban.console.ConsoleTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.console.desk.DeskFixtures.UNIT;
import static org.duban.console.desk.DeskFixtures.daysFromNow;
import static org.duban.console.desk.DeskFixtures.measure;
import static org.duban.console.desk.DeskFixtures.measurePage;
import static org.duban.console.desk.DeskFixtures.order;
import static org.duban.console.desk.DeskFixtures.orderPage;
import static org.duban.console.desk.DeskFixtures.recommendation;
import static org.duban.console.desk.DeskFixtures.recommendationPage;
import static org.duban.console.security.local.SignedInUsers.leader;
import static org.duban.console.security.local.SignedInUsers.supervisor;
import static org.duban.console.security.local.SignedInUsers.unit;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class DeskSupervisionControllerTest extends ConsoleTest {

    @Test
    void whatAwaitsTheUnitsAnswerComesFirstHighlightedWithItsDeadline() throws Exception {
        // given
        when(supervisions.listSupervisionOrders(any(), any(), any(), anyInt(), anyInt())).thenReturn(orderPage(0, 1,
                order("ord-closed", SupervisionOrderStatus.CLOSED),
                order("ord-open", SupervisionOrderStatus.OPEN).responseDueAt(daysFromNow(-1)).overdue(true)));
        when(measures.listMeasures(any(), any(), any(), anyInt(), anyInt())).thenReturn(measurePage(0, 1,
                measure("m-notice", MeasureKind.NOTICE, MeasureStatus.ISSUED),
                measure("m-interview", MeasureKind.INTERVIEW, MeasureStatus.SCHEDULED),
                measure("m-review", MeasureKind.WRITTEN_SELF_REVIEW, MeasureStatus.AWAITING_SUBMISSION)));
        when(recommendations.listRecommendations(any(), any(), any(), anyInt(), anyInt())).thenReturn(recommendationPage(0, 1,
                recommendation("r-answered", true), recommendation("r-open", false)));

        // when
        Document page = page(get("/desk/supervision").with(unit(UNIT)));

        // then
        verify(supervisions).listSupervisionOrders(null, null, null, 0, 20);
        verify(measures).listMeasures(null, null, null, 0, 20);
        verify(recommendations).listRecommendations(null, null, null, 0, 20);
        var orders = page.select("#orders tbody tr");
        assertThat(orders.get(0).hasClass("desk-line--awaiting")).isTrue();
        assertThat(orders.get(0).text()).contains("超期未办结", "待办", "待回复", "超期 1 天", "回复");
        assertThat(orders.get(0).select("a").first().attr("href")).isEqualTo("/desk/orders/ord-open");
        assertThat(orders.get(1).hasClass("desk-line--awaiting")).isFalse();
        assertThat(orders.get(1).text()).contains("已办结").doesNotContain("剩", "超期 ");
        var measureLines = page.select("#measures tbody tr");
        assertThat(measureLines.get(0).text()).contains("责令书面检查", "待提交", "剩 5 天", "提交书面材料");
        assertThat(measureLines.get(0).select("a").attr("href")).isEqualTo("/desk/measures/m-review");
        assertThat(page.select("#measures tr.desk-line--awaiting")).hasSize(1);
        assertThat(measureLines.text()).contains("约谈时间 2026-12-10 09:30", "通报");
        var recommendationLines = page.select("#recommendations tbody tr");
        assertThat(recommendationLines.get(0).text()).contains("改进工作建议", "待答复", "超期 2 天");
        assertThat(recommendationLines.get(0).hasClass("desk-line--awaiting")).isTrue();
        assertThat(recommendationLines.get(1).text()).contains("已答复", "采纳");
    }

    @Test
    void eachListIsPagedByItselfKeepingTheOthersPages() throws Exception {
        // given
        when(supervisions.listSupervisionOrders(any(), any(), any(), anyInt(), anyInt()))
                .thenReturn(orderPage(1, 3, order("ord-1", SupervisionOrderStatus.CLOSED)));
        when(measures.listMeasures(any(), any(), any(), anyInt(), anyInt())).thenReturn(measurePage(0, 1));
        when(recommendations.listRecommendations(any(), any(), any(), anyInt(), anyInt()))
                .thenReturn(recommendationPage(2, 4, recommendation("r-1", true)));

        // when
        Document page = page(get("/desk/supervision").param("ordersPage", "1").param("recommendationsPage", "2")
                .with(unit(UNIT)));

        // then
        verify(supervisions).listSupervisionOrders(null, null, null, 1, 20);
        verify(recommendations).listRecommendations(null, null, null, 2, 20);
        assertThat(page.select("#orders .pagination a[rel=next]").attr("href"))
                .isEqualTo("/desk/supervision?recommendationsPage=2&ordersPage=2");
        assertThat(page.select("#recommendations .pagination a[rel=prev]").attr("href"))
                .isEqualTo("/desk/supervision?ordersPage=1&recommendationsPage=1");
        assertThat(page.select("#measures .empty").text()).isEqualTo("暂无问责措施。");
    }

    @Test
    void officeStaffCannotOpenTheUnitsSupervisionPage() throws Exception {
        mvc.perform(get("/desk/supervision").with(supervisor())).andExpect(status().isForbidden());
        mvc.perform(get("/desk/supervision").with(leader())).andExpect(status().isForbidden());
        verifyNoInteractions(supervisions, measures, recommendations);
    }
}
