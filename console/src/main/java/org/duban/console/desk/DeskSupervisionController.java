package org.duban.console.desk;

import jakarta.servlet.http.HttpServletRequest;
import org.duban.client.supervision.api.MeasuresApi;
import org.duban.client.supervision.api.RecommendationsApi;
import org.duban.client.supervision.api.SupervisionsApi;
import org.duban.client.supervision.model.MeasurePage;
import org.duban.client.supervision.model.RecommendationPage;
import org.duban.client.supervision.model.SupervisionOrderPage;
import org.duban.console.web.PageView;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * 督办与问责 at the unit's desk: what the office asks of the unit — its supervision orders, accountability
 * measures and the recommendations addressed to it (the platform lists only the unit's own), each list
 * paged by itself, on each page those still awaiting the unit's answer first.
 */
@Controller
class DeskSupervisionController {

    static final int PER_PAGE = 20;

    private final SupervisionsApi supervisions;
    private final MeasuresApi measures;
    private final RecommendationsApi recommendations;
    private final SupervisionLines lines;

    DeskSupervisionController(SupervisionsApi supervisions, MeasuresApi measures, RecommendationsApi recommendations,
            SupervisionLines lines) {
        this.supervisions = supervisions;
        this.measures = measures;
        this.recommendations = recommendations;
        this.lines = lines;
    }

    @GetMapping("/desk/supervision")
    String overview(@RequestParam(defaultValue = "0") int ordersPage, @RequestParam(defaultValue = "0") int measuresPage,
            @RequestParam(defaultValue = "0") int recommendationsPage, HttpServletRequest request, Model model) {
        SupervisionOrderPage orders = supervisions.listSupervisionOrders(null, null, null, Math.max(0, ordersPage),
                PER_PAGE);
        MeasurePage issued = measures.listMeasures(null, null, null, Math.max(0, measuresPage), PER_PAGE);
        RecommendationPage addressed = recommendations.listRecommendations(null, null, null,
                Math.max(0, recommendationsPage), PER_PAGE);
        UriComponentsBuilder overview = PageView.sameFilters(request, "/desk/supervision");
        model.addAttribute("orders", SupervisionLines.awaitingFirst(orders.getItems().stream().map(lines::order).toList()));
        model.addAttribute("ordersPaging", PageView.of(overview, "ordersPage",
                orders.getPage().getPage(), orders.getPage().getTotalElements(), orders.getPage().getTotalPages()));
        model.addAttribute("measures", SupervisionLines.awaitingFirst(issued.getItems().stream().map(lines::measure).toList()));
        model.addAttribute("measuresPaging", PageView.of(overview, "measuresPage",
                issued.getPage().getPage(), issued.getPage().getTotalElements(), issued.getPage().getTotalPages()));
        model.addAttribute("recommendations",
                SupervisionLines.awaitingFirst(addressed.getItems().stream().map(lines::recommendation).toList()));
        model.addAttribute("recommendationsPaging", PageView.of(overview, "recommendationsPage",
                addressed.getPage().getPage(), addressed.getPage().getTotalElements(),
                addressed.getPage().getTotalPages()));
        return "desk/supervision";
    }
}
