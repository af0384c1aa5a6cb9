package org.duban.reporting.report.document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.duban.reporting.projection.CounterTotals;
import org.duban.reporting.projection.LawyerTotals;
import org.duban.reporting.report.AnnualReport;
import org.duban.reporting.scorecard.ScoreWeights;
import org.duban.reporting.scorecard.Scorecards;
import org.duban.reporting.statistics.Figures;
import org.duban.reporting.statistics.MeasureCounts;
import org.duban.reporting.statistics.Period;
import org.duban.reporting.statistics.Rate;
import org.duban.reporting.statistics.Rates;
import org.duban.reporting.statistics.RecommendationCounts;

/** A year's report whose months all differ, so a chart pointing at the wrong cell shows. */
final class ReportFixtures {

    static final int YEAR = 2023;

    private ReportFixtures() {
    }

    /** Month m: 交办 10 + m, 转送 m, 督办 m % 4, 问责措施 m % 3 (12月: 22, 12, 0, 0). */
    static AnnualReport aYear() {
        Period period = new Period(LocalDate.of(YEAR, 1, 1), LocalDate.of(YEAR + 1, 1, 1));
        Rates rates = new Rates(new Rate(140, 149), Rate.none(), new Rate(116, 130), new Rate(113, 116),
                new Rate(57, 62), Rate.none());
        Figures figures = new Figures(period, null, 149, 78, 25, RecommendationCounts.none(), MeasureCounts.none(),
                rates, CounterTotals.none(), 0, LawyerTotals.none());
        List<AnnualReport.MonthRow> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            months.add(new AnnualReport.MonthRow(m, 10 + m, m, m % 4, m % 3));
        }
        return new AnnualReport(YEAR, YEAR + "年度信访工作报告", List.of("全年累计交办突出信访问题149件。"), figures,
                new Scorecards(period, new ScoreWeights(0.4, 0.2, 0.4, 1, 2, 3, 5), List.of()),
                List.of(new AnnualReport.CategoryRow("HOUSING", "房地产", 20, 5, 18)), months);
    }
}
