package org.duban.reporting.report.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFChart;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.drawingml.x2006.chart.STBarDir;

/** The Word document's charts are Word's own, in Chinese, with their data in an embedded workbook. */
class DocxReportTest {

    @Test
    void holdsTwoNativeColumnChartsInChineseUnderTheirCaptions() throws Exception {
        // when
        try (XWPFDocument docx = render()) {
            // then
            assertThat(docx.getParagraphs()).map(XWPFParagraph::getText)
                    .contains("图1 各月交办、转送件数", "图2 各月督办、问责措施件数");
            List<XWPFChart> charts = docx.getCharts();
            assertThat(charts).map(ChartReading::title)
                    .containsExactly("2023年各月交办、转送件数", "2023年各月督办、问责措施件数");
            assertThat(charts).allSatisfy(chart -> {
                assertThat(ChartReading.bars(chart).getBarDir().getVal()).isEqualTo(STBarDir.COL);
                assertThat(ChartReading.categoryAxisTitle(chart)).isEqualTo("月份");
                assertThat(ChartReading.valueAxisTitle(chart)).isEqualTo("件数");
                assertThat(chart.getCTChartSpace().getTxPr().getPArray(0).getPPr().getDefRPr().getEa().getTypeface())
                        .isEqualTo(NativeCharts.EAST_ASIAN_TYPEFACE);
            });
            assertThat(ChartReading.series(charts.get(0))).map(ChartReading.Series::name).containsExactly("交办", "转送");
            assertThat(ChartReading.series(charts.get(1))).map(ChartReading.Series::name)
                    .containsExactly("督办", "问责措施");
            assertThat(docx.getAllPictures()).as("no PNG stands in for a chart any more").isEmpty();
        }
    }

    @Test
    void eachChartReadsTheMonthTableInItsEmbeddedWorkbook() throws Exception {
        // when
        try (XWPFDocument docx = render()) {
            // then
            for (XWPFChart chart : docx.getCharts()) {
                XSSFWorkbook data = chart.getWorkbook();
                assertThat(data.getSheet("月度情况").getRow(0).getCell(0).getStringCellValue()).isEqualTo("月份");
                assertThat(data.getSheet("月度情况").getRow(12).getCell(0).getStringCellValue()).isEqualTo("12月");
                for (ChartReading.Series series : ChartReading.series(chart)) {
                    assertThat(series.categoriesRef()).isEqualTo("月度情况!$A$2:$A$13");
                    assertThat(ChartReading.cells(data, series.nameRef())).containsExactly(series.name());
                    assertThat(ChartReading.cells(data, series.categoriesRef()))
                            .containsExactlyElementsOf(List.copyOf(series.cachedCategories()));
                    assertThat(ChartReading.cells(data, series.valuesRef()))
                            .containsExactlyElementsOf(List.copyOf(series.cachedValues()));
                }
            }
            ChartReading.Series transfers = ChartReading.series(docx.getCharts().get(0)).get(1);
            assertThat(transfers.valuesRef()).isEqualTo("月度情况!$C$2:$C$13");
            assertThat(transfers.cachedValues())
                    .containsExactly(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11.0, 12.0);
        }
    }

    private static XWPFDocument render() throws Exception {
        return new XWPFDocument(new ByteArrayInputStream(DocxReport.render(ReportFixtures.aYear())));
    }
}
