package org.duban.console.statistics;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.duban.client.reporting.api.ReportsApi;
import org.duban.client.reporting.model.AnnualReport;
import org.duban.client.reporting.model.MonthFigures;
import org.duban.console.platform.Attempt;
import org.duban.console.statistics.ChartOptions.Axis;
import org.duban.console.statistics.ChartOptions.Grid;
import org.duban.console.statistics.ChartOptions.Legend;
import org.duban.console.statistics.ChartOptions.Series;
import org.duban.console.statistics.ChartOptions.TextStyle;
import org.duban.console.statistics.ChartOptions.Title;
import org.duban.console.statistics.ChartOptions.Tooltip;
import org.duban.console.statistics.YearFigures.CategoryRow;
import org.duban.console.statistics.YearFigures.MonthRow;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * A year's figures by month and by category, read from the annual report (JSON), with the options of
 * their two charts: the monthly bars and lines (交办, 转送, 督办, 问责措施 for 1月…12月) and the bars by
 * category. Texts come from the messages; the options are serialised by the JSON mapper.
 */
@Component
class AnnualFigures {

    private final ReportsApi reports;
    private final MessageSource messages;
    private final JsonMapper json;

    AnnualFigures(ReportsApi reports, MessageSource messages, JsonMapper json) {
        this.reports = reports;
        this.messages = messages;
        this.json = json;
    }

    /** The year's figures; empty when the platform refuses the year (it reports 2000 to 2100). */
    Optional<YearFigures> of(int year) {
        Attempt<AnnualReport> report = Attempt.of(() -> reports.getAnnualReport(year));
        return report.refused() ? Optional.empty() : Optional.of(figures(year, report.value()));
    }

    private YearFigures figures(int year, AnnualReport report) {
        List<MonthRow> months = months(report.getMonths());
        MonthRow total = months.stream().reduce(MonthRow.none(0), MonthRow::plus);
        List<CategoryRow> categories = report.getCategories().stream()
                .map(row -> new CategoryRow(row.getLabel(), row.getAssignmentsIssued(), row.getTransfersIssued(),
                        row.getAssignmentsConcluded()))
                .toList();
        return new YearFigures(year, report.getNarrative(), json.writeValueAsString(monthlyChart(year, months)),
                months, total, json.writeValueAsString(categoryChart(year, categories)), categories);
    }

    /** Twelve months, January first; a month the report leaves out counted nothing. */
    private static List<MonthRow> months(List<MonthFigures> reported) {
        Map<Integer, MonthRow> byMonth = reported.stream().collect(Collectors.toMap(MonthFigures::getMonth,
                row -> new MonthRow(row.getMonth(), row.getAssignmentsIssued(), row.getTransfersIssued(),
                        row.getSupervisionOrdersOpened(), row.getMeasuresIssued()), (first, second) -> first));
        return IntStream.rangeClosed(1, 12).mapToObj(month -> byMonth.getOrDefault(month, MonthRow.none(month)))
                .toList();
    }

    private ChartOptions monthlyChart(int year, List<MonthRow> months) {
        List<String> labels = months.stream().map(row -> text("statistics.month", Integer.toString(row.month())))
                .toList();
        List<Series> series = List.of(
                Series.bar(text("statistics.figure.assignments"), values(months, MonthRow::assignmentsIssued)),
                Series.bar(text("statistics.figure.transfers"), values(months, MonthRow::transfersIssued)),
                Series.line(text("statistics.figure.orders"), values(months, MonthRow::supervisionOrdersOpened)),
                Series.line(text("statistics.figure.measures"), values(months, MonthRow::measuresIssued)));
        return chart(text("statistics.chart.monthly", Integer.toString(year)), ChartOptions.MONTHLY_COLOURS, series,
                Axis.categories(labels, false), Axis.wholeNumbers(text("statistics.chart.unit")));
    }

    private ChartOptions categoryChart(int year, List<CategoryRow> categories) {
        List<String> labels = categories.stream().map(CategoryRow::label).toList();
        List<Series> series = List.of(
                Series.bar(text("statistics.figure.assignments"), values(categories, CategoryRow::assignmentsIssued)),
                Series.bar(text("statistics.figure.transfers"), values(categories, CategoryRow::transfersIssued)),
                Series.bar(text("statistics.figure.concluded"), values(categories, CategoryRow::assignmentsConcluded)));
        return chart(text("statistics.chart.categories", Integer.toString(year)), ChartOptions.CATEGORY_COLOURS, series,
                Axis.wholeNumbers(text("statistics.chart.unit")), Axis.categories(labels, true));
    }

    /** Title on top, the legend under it, CJK labels, whole-number ticks, no animation (prints as shown). */
    private static ChartOptions chart(String title, List<String> colours, List<Series> series, Axis xAxis,
            Axis yAxis) {
        return new ChartOptions(new Title(title, "center", new TextStyle(ChartOptions.FONT_FAMILY, 15)),
                new TextStyle(ChartOptions.FONT_FAMILY, null), false, colours, Tooltip.byAxis(),
                new Legend(series.stream().map(Series::name).toList(), 30), new Grid(16, 24, 70, 16, true),
                xAxis, yAxis, series);
    }

    private static <T> List<Long> values(List<T> rows, ToLongFunction<T> value) {
        return rows.stream().map(row -> value.applyAsLong(row)).toList();
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }
}
