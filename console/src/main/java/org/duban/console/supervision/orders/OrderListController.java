package org.duban.console.supervision.orders;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.duban.client.supervision.api.SupervisionsApi;
import org.duban.client.supervision.model.SupervisionOrder;
import org.duban.client.supervision.model.SupervisionOrderPage;
import org.duban.client.supervision.model.SupervisionOrderStatus;
import org.duban.console.platform.UnitDirectory;
import org.duban.console.security.ConsoleUser;
import org.duban.console.platform.MatterTitles;
import org.duban.console.web.PageView;
import org.duban.console.web.TypedInput;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /supervision}, the section's landing page (supervisors; leaders read): the supervision orders,
 * newest first, by status — the proposals waiting for a supervisor counted on their own tab — and unit.
 */
@Controller
class OrderListController {

    static final int ORDERS_PER_PAGE = 20;

    private final SupervisionsApi supervisions;
    private final MatterTitles titles;
    private final UnitDirectory units;

    OrderListController(SupervisionsApi supervisions, MatterTitles titles, UnitDirectory units) {
        this.supervisions = supervisions;
        this.titles = titles;
        this.units = units;
    }

    /** Filters that do not parse are dropped: the list then shows every order. */
    @GetMapping("/supervision")
    String orders(ConsoleUser user, @RequestParam(required = false) String status,
            @RequestParam(required = false) String unitId, @RequestParam(defaultValue = "0") int page,
            HttpServletRequest request, Model model) {
        SupervisionOrderStatus chosen = TypedInput.option(status, SupervisionOrderStatus.class);
        String unit = TypedInput.text(unitId);
        SupervisionOrderPage found = supervisions.listSupervisionOrders(unit, chosen, null, Math.max(0, page),
                ORDERS_PER_PAGE);
        long proposals = chosen == SupervisionOrderStatus.PROPOSED ? found.getPage().getTotalElements()
                : supervisions.listSupervisionOrders(unit, SupervisionOrderStatus.PROPOSED, null, 0, 1).getPage()
                        .getTotalElements();
        Map<String, String> matterTitles = titles.of(user, found.getItems().stream().map(SupervisionOrder::getCaseId).toList());
        Map<String, String> unitNames = units.names(user);
        List<OrderLine> lines = found.getItems().stream()
                .map(order -> new OrderLine(order, matterTitles.getOrDefault(order.getCaseId(), order.getCaseId()),
                        unitNames.getOrDefault(order.getUnitId(), order.getUnitId())))
                .toList();
        model.addAttribute("view", new OrdersView(chosen == null ? null : chosen.getValue(), unit, proposals,
                link(request, SupervisionOrderStatus.PROPOSED), tabs(request, chosen), lines, units.all(user),
                PageView.of(request, "/supervision", found.getPage())));
        return "supervision/index";
    }

    /** The orders' own path lists them too (a link cut short, a habit): the landing page is the list. */
    @GetMapping("/supervision/orders")
    String ordersPath() {
        return "redirect:/supervision";
    }

    /** 全部, then one tab per status, each keeping the unit filter and starting at the first page. */
    private static List<OrdersView.Tab> tabs(HttpServletRequest request, SupervisionOrderStatus chosen) {
        List<OrdersView.Tab> tabs = new ArrayList<>();
        tabs.add(new OrdersView.Tab(null, link(request, null), chosen == null));
        for (SupervisionOrderStatus status : SupervisionOrderStatus.values()) {
            tabs.add(new OrdersView.Tab(status.getValue(), link(request, status), status == chosen));
        }
        return tabs;
    }

    private static String link(HttpServletRequest request, SupervisionOrderStatus status) {
        var link = PageView.sameFilters(request, "/supervision").replaceQueryParam("page").replaceQueryParam("status");
        if (status != null) {
            link.queryParam("status", status.getValue());
        }
        return link.encode().build().toUriString();
    }
}
