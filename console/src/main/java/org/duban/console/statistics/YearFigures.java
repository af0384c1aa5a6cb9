package org.duban.console.statistics;

import java.util.List;

/**
 * A calendar year month by month and by category, as the annual report counts it (the whole office, not
 * one unit), with its charts' ECharts options as JSON and the same numbers as tables.
 *
 * @param narrative     the annual report's paragraphs in the office's phrasing
 * @param monthlyChart  ECharts options of the monthly chart, as JSON
 * @param months        the twelve months, January first
 * @param categoryChart ECharts options of the chart by category, as JSON
 */
record YearFigures(int year, List<String> narrative, String monthlyChart, List<MonthRow> months, MonthRow total,
        String categoryChart, List<CategoryRow> categories) {

    /** One month (0 for the year's total). */
    record MonthRow(int month, long assignmentsIssued, long transfersIssued, long supervisionOrdersOpened,
            long measuresIssued) {

        static MonthRow none(int month) {
            return new MonthRow(month, 0, 0, 0, 0);
        }

        MonthRow plus(MonthRow other) {
            return new MonthRow(month, assignmentsIssued + other.assignmentsIssued,
                    transfersIssued + other.transfersIssued, supervisionOrdersOpened + other.supervisionOrdersOpened,
                    measuresIssued + other.measuresIssued);
        }
    }

    /** One category, by its Chinese name as the report gives it. */
    record CategoryRow(String label, long assignmentsIssued, long transfersIssued, long assignmentsConcluded) {
    }
}
