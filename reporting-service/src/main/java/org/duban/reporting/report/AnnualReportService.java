package org.duban.reporting.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.duban.platform.domain.Caller;
import org.duban.platform.domain.InvalidInput;
import org.duban.platform.domain.Role;
import org.duban.reporting.projection.Counter;
import org.duban.reporting.projection.CounterTotals;
import org.duban.reporting.projection.DailyFigures;
import org.duban.reporting.projection.Dimension;
import org.duban.reporting.scorecard.ScorecardService;
import org.duban.reporting.statistics.Figures;
import org.duban.reporting.statistics.Period;
import org.duban.reporting.statistics.StatisticsService;

/** Puts a calendar year's report together from the figures, the scorecards and the daily counters. */
public final class AnnualReportService {

    private final StatisticsService statistics;
    private final ScorecardService scorecards;
    private final DailyFigures dailyFigures;

    public AnnualReportService(StatisticsService statistics, ScorecardService scorecards, DailyFigures dailyFigures) {
        this.statistics = Objects.requireNonNull(statistics, "statistics");
        this.scorecards = Objects.requireNonNull(scorecards, "scorecards");
        this.dailyFigures = Objects.requireNonNull(dailyFigures, "dailyFigures");
    }

    /** Office staff only (supervisor, leader); the year of the office's time zone. */
    public AnnualReport report(Caller caller, Integer year) {
        caller.require(Role.SUPERVISOR, Role.LEADER);
        if (year == null || year < 2000 || year > 2100) {
            throw new InvalidInput("year", "must be a year from 2000 to 2100");
        }
        Period period = new Period(LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1));
        Figures figures = statistics.figures(period, null);
        return new AnnualReport(year, Narrative.title(year), Narrative.paragraphs(year, figures), figures,
                scorecards.scorecards(period), categories(period), months(period));
    }

    private List<AnnualReport.CategoryRow> categories(Period period) {
        Map<String, CounterTotals> byCategory = dailyFigures.sumBy(period.from(), period.to(), Dimension.CATEGORY);
        List<AnnualReport.CategoryRow> rows = new ArrayList<>();
        for (String category : Categories.LABELS.keySet()) {
            CounterTotals totals = byCategory.getOrDefault(category, CounterTotals.none());
            rows.add(new AnnualReport.CategoryRow(category, Categories.label(category),
                    totals.get(Counter.ASSIGNMENTS_ISSUED), totals.get(Counter.TRANSFERS_ISSUED),
                    totals.get(Counter.ASSIGNMENTS_CONCLUDED)));
        }
        return rows;
    }

    private List<AnnualReport.MonthRow> months(Period period) {
        CounterTotals[] months = new CounterTotals[12];
        Arrays.fill(months, CounterTotals.none());
        dailyFigures.sumBy(period.from(), period.to(), Dimension.DAY).forEach((day, totals) -> {
            int month = LocalDate.parse(day).getMonthValue() - 1;
            months[month] = months[month].plus(totals);
        });
        List<AnnualReport.MonthRow> rows = new ArrayList<>();
        for (int m = 0; m < 12; m++) {
            CounterTotals t = months[m];
            rows.add(new AnnualReport.MonthRow(m + 1, t.get(Counter.ASSIGNMENTS_ISSUED), t.get(Counter.TRANSFERS_ISSUED),
                    t.get(Counter.SUPERVISION_ORDERS_OPENED), t.get(Counter.MEASURES_NOTICE,
                    Counter.MEASURES_WRITTEN_SELF_REVIEW, Counter.MEASURES_INTERVIEW, Counter.MEASURES_LISTED_SUPERVISION,
                    Counter.MEASURES_RECTIFICATION_ORDER)));
        }
        return rows;
    }
}
