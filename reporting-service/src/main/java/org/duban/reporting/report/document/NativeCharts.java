package org.duban.reporting.report.document;

import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrossBetween;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.AxisTickMark;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.BarGrouping;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChart;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFChartLegend;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTPlotArea;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTTitle;
import org.openxmlformats.schemas.drawingml.x2006.main.CTRegularTextRun;
import org.openxmlformats.schemas.drawingml.x2006.main.CTTextBody;
import org.openxmlformats.schemas.drawingml.x2006.main.CTTextCharacterProperties;
import org.openxmlformats.schemas.drawingml.x2006.main.CTTextParagraph;
import org.openxmlformats.schemas.drawingml.x2006.main.STTextVerticalType;

/**
 * A chart the office edits in Excel, WPS or Word: a clustered column chart by month whose categories,
 * series names and values are cells of the month table ({@link TableSheet} from A1) — in the workbook
 * itself (XLSX) or in the chart's embedded workbook (DOCX) — so changing a number there changes the
 * chart. The values are also cached in the chart, as every office application writes them.
 */
final class NativeCharts {

    /**
     * The typeface for the charts' Chinese text (title, axes, legend). Named explicitly, with the text's
     * language, so that an office application in another locale does not draw the Han characters with
     * a Japanese font; one that lacks it substitutes its own Chinese font.
     */
    static final String EAST_ASIAN_TYPEFACE = "微软雅黑";
    /** The PNG charts' colours (sRGB). */
    private static final List<byte[]> COLOURS = List.of(new byte[] {0x1f, 0x77, (byte) 0xb4},
            new byte[] {(byte) 0xff, 0x7f, 0x0e});
    private static final byte[] GRID = {(byte) 0xd9, (byte) 0xd9, (byte) 0xd9};

    private NativeCharts() {
    }

    /** Plots the chart's columns of the month table written on the sheet. */
    static void draw(XDDFChart chart, XSSFSheet sheet, ReportTables.Table months, ReportCharts.Chart spec) {
        int lastRow = months.rows().size();
        chart.setTitleText(spec.title());
        chart.setTitleOverlay(false);
        XDDFCategoryAxis monthAxis = chart.createCategoryAxis(AxisPosition.BOTTOM);
        monthAxis.setTitle(months.header().get(0));
        XDDFValueAxis countAxis = chart.createValueAxis(AxisPosition.LEFT);
        countAxis.setTitle(ReportCharts.VALUE_AXIS_TITLE);
        countAxis.setCrossBetween(AxisCrossBetween.BETWEEN);
        countAxis.setMinimum(0);
        if (largest(months, spec) < 10) {
            // whole numbers of matters: no 0.5 ticks (larger counts keep the application's own steps)
            countAxis.setMajorUnit(1);
        }
        countAxis.getOrAddMajorGridProperties()
                .setLineProperties(new XDDFLineProperties(new XDDFSolidFillProperties(XDDFColor.from(GRID))));
        monthAxis.setMajorTickMark(AxisTickMark.OUT);
        countAxis.setMajorTickMark(AxisTickMark.OUT);
        XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, monthAxis, countAxis);
        data.setBarDirection(BarDirection.COL);
        data.setBarGrouping(BarGrouping.CLUSTERED);
        data.setVaryColors(false);
        XDDFDataSource<String> categories =
                XDDFDataSourcesFactory.fromStringCellRange(sheet, new CellRangeAddress(1, lastRow, 0, 0));
        List<Integer> columns = spec.columns(months);
        for (int s = 0; s < columns.size(); s++) {
            int column = columns.get(s);
            XDDFChartData.Series series = data.addSeries(categories, XDDFDataSourcesFactory
                    .fromNumericCellRange(sheet, new CellRangeAddress(1, lastRow, column, column)));
            series.setTitle(months.header().get(column),
                    new CellReference(sheet.getSheetName(), 0, column, true, true));
            series.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(COLOURS.get(s % COLOURS.size()))));
        }
        chart.plot(data);
        XDDFChartLegend legend = chart.getOrAddLegend();
        legend.setPosition(LegendPosition.BOTTOM);
        legend.setOverlay(false);
        chineseText(chart);
    }

    private static double largest(ReportTables.Table months, ReportCharts.Chart spec) {
        double largest = 0;
        for (int column : spec.columns(months)) {
            for (List<Object> row : months.rows()) {
                largest = Math.max(largest, ((Number) row.get(column)).doubleValue());
            }
        }
        return largest;
    }

    /**
     * Every text of the chart in Chinese (zh-CN) and {@link #EAST_ASIAN_TYPEFACE}: the chart's default
     * (axis labels, legend) and each run of its titles; the title 14 pt bold, the value axis's title
     * upright, one character under the other, as Chinese charts set it.
     */
    private static void chineseText(XDDFChart chart) {
        CTTextBody text = chart.getCTChartSpace().addNewTxPr();
        text.addNewBodyPr();
        text.addNewLstStyle();
        chinese(text.addNewP().addNewPPr().addNewDefRPr());
        CTPlotArea plot = chart.getCTChart().getPlotArea();
        for (CTTextCharacterProperties run : runs(chart.getCTChart().getTitle())) {
            run.setSz(1400);
            run.setB(true);
        }
        runs(plot.getCatAxArray(0).getTitle());
        CTTitle countTitle = plot.getValAxArray(0).getTitle();
        runs(countTitle);
        countTitle.getTx().getRich().getBodyPr().setRot(0);
        countTitle.getTx().getRich().getBodyPr().setVert(STTextVerticalType.WORD_ART_VERT);
    }

    /** The title's runs, each made Chinese. */
    private static List<CTTextCharacterProperties> runs(CTTitle title) {
        List<CTTextCharacterProperties> runs = new ArrayList<>();
        for (CTTextParagraph paragraph : title.getTx().getRich().getPArray()) {
            for (CTRegularTextRun run : paragraph.getRArray()) {
                runs.add(chinese(run.isSetRPr() ? run.getRPr() : run.addNewRPr()));
            }
            if (paragraph.isSetEndParaRPr()) {
                chinese(paragraph.getEndParaRPr());
            }
        }
        return runs;
    }

    private static CTTextCharacterProperties chinese(CTTextCharacterProperties run) {
        run.setLang("zh-CN");
        run.setAltLang("en-US");
        (run.isSetEa() ? run.getEa() : run.addNewEa()).setTypeface(EAST_ASIAN_TYPEFACE);
        return run;
    }
}
