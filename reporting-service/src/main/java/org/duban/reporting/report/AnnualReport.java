package org.duban.reporting.report;

import java.util.List;
import java.util.Objects;

import org.duban.reporting.scorecard.Scorecards;
import org.duban.reporting.statistics.Figures;

/**
 * 年度报告: a calendar year's figures as the office publishes them — the narrative in its own
 * phrasing, the figures, the units ranked, the categories and the months.
 */
public record AnnualReport(int year, String title, List<String> narrative, Figures figures, Scorecards units,
        List<CategoryRow> categories, List<MonthRow> months) {

    public AnnualReport {
        Objects.requireNonNull(title, "title");
        narrative = List.copyOf(narrative);
        Objects.requireNonNull(figures, "figures");
        Objects.requireNonNull(units, "units");
        categories = List.copyOf(categories);
        months = List.copyOf(months);
    }

    /** One category's assignments (交办), transfers (转送) and concluded assignments of the year. */
    public record CategoryRow(String category, String label, long assignmentsIssued, long transfersIssued,
            long assignmentsConcluded) {
    }

    /** One month's counts (1 = January). */
    public record MonthRow(int month, long assignmentsIssued, long transfersIssued, long supervisionOrdersOpened,
            long measuresIssued) {
    }
}
