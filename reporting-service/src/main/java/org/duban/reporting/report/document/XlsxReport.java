package org.duban.reporting.report.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.duban.reporting.report.AnnualReport;

/**
 * The report as a workbook (Apache POI XSSF): a sheet with the narrative, one per table (numbers as
 * numeric cells), and on the monthly sheet, under its table, the two charts as native Excel charts
 * whose data are that table's cells (the office edits a number and the chart follows).
 */
public final class XlsxReport {

    /** The charts' size in default columns and rows: about 13.5 × 8 cm, one printed page wide. */
    private static final int CHART_COLUMNS = 8;
    private static final int CHART_ROWS = 16;

    private XlsxReport() {
    }

    public static byte[] render(AnnualReport report) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet summary = workbook.createSheet("报告");
            summary.createRow(0).createCell(0).setCellValue(report.title());
            for (int i = 0; i < report.narrative().size(); i++) {
                summary.createRow(i + 2).createCell(0).setCellValue(report.narrative().get(i));
            }
            for (ReportTables.Table table : ReportTables.all(report)) {
                TableSheet.write(workbook.createSheet(table.title()), table);
            }
            ReportTables.Table months = ReportTables.months(report);
            XSSFSheet monthly = workbook.getSheet(months.title());
            XSSFDrawing drawing = monthly.createDrawingPatriarch();
            int row = months.rows().size() + 2;
            for (ReportCharts.Chart chart : ReportCharts.of(report)) {
                NativeCharts.draw(drawing.createChart(drawing.createAnchor(0, 0, 0, 0, 0, row, CHART_COLUMNS,
                        row + CHART_ROWS)), monthly, months, chart);
                row += CHART_ROWS + 1;
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the XLSX report", e);
        }
    }
}
