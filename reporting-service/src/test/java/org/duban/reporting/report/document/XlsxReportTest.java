package org.duban.reporting.report.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTTitle;
import org.openxmlformats.schemas.drawingml.x2006.chart.STBarDir;
import org.openxmlformats.schemas.drawingml.x2006.chart.STBarGrouping;
import org.openxmlformats.schemas.drawingml.x2006.main.CTTextCharacterProperties;

/** The workbook's charts are Excel's own, in Chinese, drawn from the monthly table's cells. */
class XlsxReportTest {

    private static final List<String> MONTHS =
            List.of("1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月");

    @Test
    void monthlySheetHoldsTwoNativeColumnChartsTitledInChinese() throws IOException {
        // when
        try (XSSFWorkbook xlsx = render()) {
            // then
            List<XSSFChart> charts = xlsx.getSheet("月度情况").getDrawingPatriarch().getCharts();
            assertThat(charts).hasSize(2);
            assertThat(charts).map(ChartReading::title)
                    .containsExactly("2023年各月交办、转送件数", "2023年各月督办、问责措施件数");
            assertThat(charts).allSatisfy(chart -> {
                assertThat(ChartReading.bars(chart).getBarDir().getVal()).isEqualTo(STBarDir.COL);
                assertThat(ChartReading.bars(chart).getGrouping().getVal()).isEqualTo(STBarGrouping.CLUSTERED);
                assertThat(ChartReading.categoryAxisTitle(chart)).isEqualTo("月份");
                assertThat(ChartReading.valueAxisTitle(chart)).isEqualTo("件数");
            });
            assertThat(xlsx.getAllPictures()).as("no PNG stands in for a chart any more").isEmpty();
        }
    }

    @Test
    void chartSeriesAreNamedAndFilledFromTheCellsOfTheMonthlyTable() throws IOException {
        // when
        try (XSSFWorkbook xlsx = render()) {
            List<XSSFChart> charts = xlsx.getSheet("月度情况").getDrawingPatriarch().getCharts();

            // then
            List<ChartReading.Series> first = ChartReading.series(charts.get(0));
            assertThat(first).map(ChartReading.Series::name).containsExactly("交办", "转送");
            assertThat(first.get(0).nameRef()).isEqualTo("月度情况!$B$1");
            assertThat(first.get(0).categoriesRef()).isEqualTo("月度情况!$A$2:$A$13");
            assertThat(first.get(0).valuesRef()).isEqualTo("月度情况!$B$2:$B$13");
            assertThat(first.get(1).valuesRef()).isEqualTo("月度情况!$C$2:$C$13");
            assertThat(ChartReading.cells(xlsx, first.get(0).categoriesRef())).containsExactlyElementsOf(MONTHS);
            assertThat(ChartReading.cells(xlsx, first.get(0).valuesRef()))
                    .containsExactly(11.0, 12.0, 13.0, 14.0, 15.0, 16.0, 17.0, 18.0, 19.0, 20.0, 21.0, 22.0);
            List<ChartReading.Series> second = ChartReading.series(charts.get(1));
            assertThat(second).map(ChartReading.Series::name).containsExactly("督办", "问责措施");
            assertThat(second).map(ChartReading.Series::valuesRef)
                    .containsExactly("月度情况!$D$2:$D$13", "月度情况!$E$2:$E$13");
            for (XSSFChart chart : charts) {
                for (ChartReading.Series series : ChartReading.series(chart)) {
                    assertThat(ChartReading.cells(xlsx, series.nameRef())).containsExactly(series.name());
                    assertThat(series.cachedCategories()).containsExactlyElementsOf(MONTHS);
                    assertThat(ChartReading.cells(xlsx, series.valuesRef()))
                            .containsExactlyElementsOf(List.copyOf(series.cachedValues()));
                }
            }
        }
    }

    @Test
    void chartTextAndEveryTitleRunAreMarkedChineseWithAnEastAsianTypeface() throws IOException {
        // when
        try (XSSFWorkbook xlsx = render()) {
            // then
            assertThat(xlsx.getSheet("月度情况").getDrawingPatriarch().getCharts()).allSatisfy(chart -> {
                CTTextCharacterProperties text = chart.getCTChartSpace().getTxPr().getPArray(0).getPPr().getDefRPr();
                assertThat(text.getLang()).isEqualTo("zh-CN");
                assertThat(text.getEa().getTypeface()).isEqualTo(NativeCharts.EAST_ASIAN_TYPEFACE);
                for (CTTitle title : List.of(chart.getCTChart().getTitle(),
                        chart.getCTChart().getPlotArea().getCatAxArray(0).getTitle(),
                        chart.getCTChart().getPlotArea().getValAxArray(0).getTitle())) {
                    assertThat(title.getTx().getRich().getPArray(0).getRArray()).allSatisfy(run -> {
                        assertThat(run.getRPr().getLang()).isEqualTo("zh-CN");
                        assertThat(run.getRPr().getEa().getTypeface()).isEqualTo(NativeCharts.EAST_ASIAN_TYPEFACE);
                    });
                }
            });
        }
    }

    private static XSSFWorkbook render() throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(XlsxReport.render(ReportFixtures.aYear())));
    }
}
