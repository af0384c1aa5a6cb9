package org.duban.reporting.report.document;

import java.awt.Font;
import java.util.List;

import org.duban.reporting.report.AnnualReport;

/**
 * The report's two charts by month. Each shows columns of the 月度情况 table ({@link ReportTables#months}):
 * its series are named by the table's header cells and its categories are the table's first column
 * (1月 … 12月), so the native charts (which point at those cells) and the PNG pictures say what the
 * table says.
 */
final class ReportCharts {

    /** The value axis of both charts. */
    static final String VALUE_AXIS_TITLE = "件数";

    /**
     * One chart: its caption in the document ({@code 图1 …}), its own title, and the header names of
     * the month table's columns it shows, in order.
     */
    record Chart(String caption, String title, List<String> series) {

        Chart {
            series = List.copyOf(series);
        }

        /** The month table's column of each series. */
        List<Integer> columns(ReportTables.Table months) {
            return series.stream().map(name -> {
                int column = months.header().indexOf(name);
                if (column < 1) {
                    throw new IllegalArgumentException("the month table has no column " + name);
                }
                return column;
            }).toList();
        }
    }

    private ReportCharts() {
    }

    static List<Chart> of(AnnualReport report) {
        return List.of(
                new Chart("图1 各月交办、转送件数", report.year() + "年各月交办、转送件数", List.of("交办", "转送")),
                new Chart("图2 各月督办、问责措施件数", report.year() + "年各月督办、问责措施件数", List.of("督办", "问责措施")));
    }

    /** The chart as a PNG, drawn from the month table with a font that displays Chinese. */
    static byte[] png(Chart chart, ReportTables.Table months, Font font) {
        List<String> categories = months.rows().stream().map(row -> String.valueOf(row.get(0))).toList();
        List<MonthChart.Series> series = chart.columns(months).stream()
                .map(column -> new MonthChart.Series(months.header().get(column), months.rows().stream()
                        .mapToLong(row -> ((Number) row.get(column)).longValue()).toArray()))
                .toList();
        return MonthChart.png(chart.title(), categories, series, months.header().get(0), VALUE_AXIS_TITLE, font);
    }
}
