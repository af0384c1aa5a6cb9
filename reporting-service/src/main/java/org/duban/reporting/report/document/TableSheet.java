package org.duban.reporting.report.document;

import java.math.BigDecimal;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/** Writes a report table on a sheet from A1: the header, then one row per table row; numbers as numeric cells. */
final class TableSheet {

    private TableSheet() {
    }

    static void write(Sheet sheet, ReportTables.Table table) {
        cells(sheet.createRow(0), table.header());
        for (int r = 0; r < table.rows().size(); r++) {
            cells(sheet.createRow(r + 1), table.rows().get(r));
        }
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
}
