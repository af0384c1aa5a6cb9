package org.duban.reporting.report.document;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.duban.reporting.report.AnnualReport;

/** The report as Markdown (UTF-8): title, narrative, then the tables. */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    public static byte[] render(AnnualReport report) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(report.title()).append("\n\n");
        for (String paragraph : report.narrative()) {
            md.append(paragraph).append("\n\n");
        }
        for (ReportTables.Table table : ReportTables.all(report)) {
            md.append("## ").append(table.title()).append("\n\n");
            row(md, List.copyOf(table.header()));
            md.append("|").append(" --- |".repeat(table.header().size())).append("\n");
            table.rows().forEach(cells -> row(md, cells));
            md.append("\n");
        }
        md.append("统计口径：周期为").append(report.year()).append("年1月1日至12月31日（办公地时区）；比率保留两位小数，四舍五入。\n");
        return md.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void row(StringBuilder md, List<?> cells) {
        md.append("|");
        for (Object cell : cells) {
            md.append(" ").append(String.valueOf(cell).replace("|", "\\|")).append(" |");
        }
        md.append("\n");
    }
}
