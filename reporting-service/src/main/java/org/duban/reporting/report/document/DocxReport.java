package org.duban.reporting.report.document;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.duban.reporting.report.AnnualReport;

/** The report as a Word document (Apache POI XWPF): narrative, tables, and the two charts as PNG. */
public final class DocxReport {

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
            picture(document, ReportCharts.ASSIGNMENTS_TITLE, ReportCharts.assignments(report), "assignments.png");
            picture(document, ReportCharts.SUPERVISION_TITLE, ReportCharts.supervision(report), "supervision.png");
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

    private static void picture(XWPFDocument document, String caption, byte[] png, String name)
            throws IOException, InvalidFormatException {
        heading(document, caption);
        XWPFRun run = document.createParagraph().createRun();
        try (ByteArrayInputStream in = new ByteArrayInputStream(png)) {
            run.addPicture(in, Document.PICTURE_TYPE_PNG, name, Units.toEMU(MonthChart.WIDTH * 0.6),
                    Units.toEMU(MonthChart.HEIGHT * 0.6));
        }
    }
}
