package org.duban.reporting.statistics.web;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.duban.platform.web.CurrentCaller;
import org.duban.reporting.api.StatisticsApi;
import org.duban.reporting.api.model.MeasureCounts;
import org.duban.reporting.api.model.Rate;
import org.duban.reporting.api.model.Rates;
import org.duban.reporting.api.model.RecommendationCounts;
import org.duban.reporting.api.model.Statistics;
import org.duban.reporting.statistics.Figures;
import org.duban.reporting.statistics.StatisticsService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/statistics}: the figures of a period, mapped onto the OpenAPI model. */
@RestController
class StatisticsController implements StatisticsApi {

    private final StatisticsService statistics;
    private final CurrentCaller caller;

    StatisticsController(StatisticsService statistics, CurrentCaller caller) {
        this.statistics = statistics;
        this.caller = caller;
    }

    @Override
    public ResponseEntity<Statistics> getStatistics(LocalDate from, LocalDate to, String unitId) {
        return ResponseEntity.ok(view(statistics.figures(caller.get(), from, to, unitId)));
    }

    private static Statistics view(Figures figures) {
        var recommendations = figures.recommendations();
        var measures = figures.measures();
        var rates = figures.rates();
        return new Statistics(
                        figures.period().from(),
                        figures.period().to(),
                        figures.assignmentsIssued(),
                        figures.transfersIssued(),
                        figures.supervisionOrdersOpened(),
                        new RecommendationCounts(recommendations.improveWork(), recommendations.improvePolicy(),
                                recommendations.accountability(), recommendations.adopted()),
                        new MeasureCounts(measures.notice(), measures.writtenSelfReview(), measures.interview(),
                                measures.listedSupervision(), measures.rectificationOrder()),
                        new Rates(
                                view(rates.timelyAcceptance()),
                                view(rates.onTimeCompletion()),
                                view(rates.participation()),
                                view(rates.satisfaction()),
                                view(rates.prominentResolution()),
                                view(rates.firstTimeResolution())))
                .unitId(figures.unitId());
    }

    private static Rate view(org.duban.reporting.statistics.Rate rate) {
        return new Rate(rate.numerator(), rate.denominator())
                .percent(rate.percent().map(BigDecimal::doubleValue).orElse(null));
    }
}
