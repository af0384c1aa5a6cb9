package org.duban.reporting.report.document;

import java.util.List;
import java.util.function.ToLongFunction;

import org.duban.reporting.report.AnnualReport;
import org.duban.reporting.report.AnnualReport.MonthRow;

/** The report's two charts by month, as PNG. */
final class ReportCharts {

    static final String ASSIGNMENTS_TITLE = "图1 各月交办、转送件数";
    static final String SUPERVISION_TITLE = "图2 各月督办、问责措施件数";

    private ReportCharts() {
    }

    static byte[] assignments(AnnualReport report) {
        return MonthChart.png("Assignments and transfers by month, " + report.year(), List.of(
                new MonthChart.Series("assignments", values(report, MonthRow::assignmentsIssued)),
                new MonthChart.Series("transfers", values(report, MonthRow::transfersIssued))));
    }

    static byte[] supervision(AnnualReport report) {
        return MonthChart.png("Supervision orders and measures by month, " + report.year(), List.of(
                new MonthChart.Series("supervision orders", values(report, MonthRow::supervisionOrdersOpened)),
                new MonthChart.Series("measures", values(report, MonthRow::measuresIssued))));
    }

    private static long[] values(AnnualReport report, ToLongFunction<MonthRow> value) {
        long[] values = new long[12];
        for (MonthRow row : report.months()) {
            values[row.month() - 1] = value.applyAsLong(row);
        }
        return values;
    }
}
