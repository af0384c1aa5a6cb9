package org.duban.reporting.report.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;

import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.duban.reporting.report.AnnualReport;

/**
 * The report as a workbook (Apache POI XSSF): a sheet with the narrative, one per table (numbers as
 * numeric cells), and the monthly sheet with the two charts as PNG pictures.
 */
public final class XlsxReport {

    private XlsxReport() {
    }

    public static byte[] render(AnnualReport report) {
        try (Workbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet summary = workbook.createSheet("报告");
            summary.createRow(0).createCell(0).setCellValue(report.title());
            for (int i = 0; i < report.narrative().size(); i++) {
                summary.createRow(i + 2).createCell(0).setCellValue(report.narrative().get(i));
            }
            Sheet last = null;
            for (ReportTables.Table table : ReportTables.all(report)) {
                last = sheet(workbook, table);
            }
            int below = report.months().size() + 3;
            picture(workbook, last, ReportCharts.assignments(report), below);
            picture(workbook, last, ReportCharts.supervision(report), below + 20);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the XLSX report", e);
        }
    }

    private static Sheet sheet(Workbook workbook, ReportTables.Table table) {
        Sheet sheet = workbook.createSheet(table.title());
        cells(sheet.createRow(0), table.header());
        for (int r = 0; r < table.rows().size(); r++) {
            cells(sheet.createRow(r + 1), table.rows().get(r));
        }
        return sheet;
    }

    private static void cells(Row row, List<?> values) {
        for (int c = 0; c < values.size(); c++) {
            Object value = values.get(c);
            if (value instanceof Long || value instanceof Integer) {
                row.createCell(c).setCellValue(((Number) value).doubleValue());
            } else if (value instanceof BigDecimal decimal) {
                row.createCell(c).setCellValue(decimal.doubleValue());
            } else {
                row.createCell(c).setCellValue(String.valueOf(value));
            }
        }
    }

    private static void picture(Workbook workbook, Sheet sheet, byte[] png, int row) {
        int index = workbook.addPicture(png, Workbook.PICTURE_TYPE_PNG);
        Drawing<?> drawing = sheet.createDrawingPatriarch();
        ClientAnchor anchor = workbook.getCreationHelper().createClientAnchor();
        anchor.setCol1(0);
        anchor.setRow1(row);
        anchor.setCol2(10);
        anchor.setRow2(row + 18);
        drawing.createPicture(anchor, index);
    }
}
