package org.duban.reporting.statistics.web;

import java.time.LocalDate;

import org.duban.platform.web.CurrentCaller;
import org.duban.reporting.api.StatisticsApi;
import org.duban.reporting.api.model.Statistics;
import org.duban.reporting.statistics.StatisticsService;
import org.duban.reporting.web.StatisticsViews;
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
        return ResponseEntity.ok(StatisticsViews.view(statistics.figures(caller.get(), from, to, unitId)));
    }
}
