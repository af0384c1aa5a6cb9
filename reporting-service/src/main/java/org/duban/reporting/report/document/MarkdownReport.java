package org.duban.reporting.report.document;

import java.awt.Font;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.duban.reporting.report.AnnualReport;

/**
 * The report as Markdown (UTF-8): title, narrative, the tables, then the two charts as PNG pictures
 * with Chinese labels. The pictures travel inside the file (data URIs, defined at its end so the text
 * reads cleanly); without a font that displays Chinese the file says so instead ({@link ChartFont}).
 */
public final class MarkdownReport {

    static final String NO_CHARTS = "（未生成图表：服务器未安装中文字体（fonts-noto-cjk）。各月件数见上表“月度情况”。）";

    private MarkdownReport() {
    }

    public static byte[] render(AnnualReport report) {
        return render(report, ChartFont.installed());
    }

    static byte[] render(AnnualReport report, Optional<Font> chartFont) {
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
        md.append("## 图表\n\n");
        List<String> pictures = new ArrayList<>();
        if (chartFont.isPresent()) {
            ReportTables.Table months = ReportTables.months(report);
            for (ReportCharts.Chart chart : ReportCharts.of(report)) {
                String label = "chart-" + (pictures.size() + 1);
                md.append("![").append(chart.caption()).append("][").append(label).append("]\n\n");
                pictures.add("[" + label + "]: data:image/png;base64,"
                        + Base64.getEncoder().encodeToString(ReportCharts.png(chart, months, chartFont.get())));
            }
        } else {
            md.append(NO_CHARTS).append("\n\n");
        }
        md.append("统计口径：周期为").append(report.year()).append("年1月1日至12月31日（办公地时区）；比率保留两位小数，四舍五入。\n");
        if (!pictures.isEmpty()) {
            md.append("\n").append(String.join("\n", pictures)).append("\n");
        }
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
