package org.duban.reporting.report.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.util.Units;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFChart;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.duban.reporting.report.AnnualReport;

/**
 * The report as a Word document (Apache POI XWPF): narrative, tables, and the two charts as native
 * Word charts. Each chart's data is the month table in the chart's embedded workbook (Word's 编辑数据
 * opens it), so the office edits the numbers there and the chart follows.
 */
public final class DocxReport {

    /** 15 × 8 cm: the width of an A4 page's text. */
    private static final int CHART_WIDTH = Units.toEMU(15 / 2.54 * 72);
    private static final int CHART_HEIGHT = Units.toEMU(8 / 2.54 * 72);

    private DocxReport() {
    }

    public static byte[] render(AnnualReport report) {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFParagraph title = document.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            XWPFRun titleRun = title.createRun();
            titleRun.setBold(true);
            titleRun.setFontSize(18);
            titleRun.setText(report.title());
            for (String paragraph : report.narrative()) {
                document.createParagraph().createRun().setText(paragraph);
            }
            for (ReportTables.Table table : ReportTables.all(report)) {
                heading(document, table.title());
                table(document, table);
            }
            ReportTables.Table months = ReportTables.months(report);
            for (ReportCharts.Chart chart : ReportCharts.of(report)) {
                heading(document, chart.caption());
                chart(document, months, chart);
            }
            document.write(out);
            return out.toByteArray();
        } catch (IOException | InvalidFormatException e) {
            throw new IllegalStateException("could not write the DOCX report", e);
        }
    }

    private static void heading(XWPFDocument document, String text) {
        XWPFRun run = document.createParagraph().createRun();
        run.setBold(true);
        run.setFontSize(14);
        run.setText(text);
    }

    private static void table(XWPFDocument document, ReportTables.Table table) {
        XWPFTable t = document.createTable(table.rows().size() + 1, table.header().size());
        fill(t.getRow(0), table.header());
        for (int r = 0; r < table.rows().size(); r++) {
            fill(t.getRow(r + 1), table.rows().get(r));
        }
    }

    private static void fill(XWPFTableRow row, List<?> cells) {
        for (int c = 0; c < cells.size(); c++) {
            row.getCell(c).setText(String.valueOf(cells.get(c)));
        }
    }

    private static void chart(XWPFDocument document, ReportTables.Table months, ReportCharts.Chart spec)
            throws IOException, InvalidFormatException {
        XWPFChart chart = document.createChart(document.createParagraph().createRun(), CHART_WIDTH, CHART_HEIGHT);
        XSSFWorkbook data = chart.getWorkbook();
        data.setSheetName(0, months.title());
        XSSFSheet sheet = data.getSheetAt(0);
        TableSheet.write(sheet, months);
        NativeCharts.draw(chart, sheet, months, spec);
    }
}
