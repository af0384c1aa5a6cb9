package org.duban.reporting.report.document;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.chart.XDDFChart;
import org.apache.poi.xddf.usermodel.chart.XDDFTitle;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTBarChart;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTBarSer;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTNumVal;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTStrVal;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTTitle;

/** Reads a native chart back the way an office application does: its texts, its references, its cache. */
final class ChartReading {

    /** One bar series: its name and where it comes from, and what the chart caches of it. */
    record Series(String name, String nameRef, String categoriesRef, String valuesRef, List<String> cachedCategories,
            List<Double> cachedValues) {
    }

    private ChartReading() {
    }

    static String title(XDDFChart chart) {
        return text(chart, chart.getCTChart().getTitle());
    }

    static String categoryAxisTitle(XDDFChart chart) {
        return text(chart, chart.getCTChart().getPlotArea().getCatAxArray(0).getTitle());
    }

    static String valueAxisTitle(XDDFChart chart) {
        return text(chart, chart.getCTChart().getPlotArea().getValAxArray(0).getTitle());
    }

    static CTBarChart bars(XDDFChart chart) {
        return chart.getCTChart().getPlotArea().getBarChartArray(0);
    }

    static List<Series> series(XDDFChart chart) {
        List<Series> series = new ArrayList<>();
        for (CTBarSer ser : bars(chart).getSerArray()) {
            series.add(new Series(ser.getTx().getStrRef().getStrCache().getPtArray(0).getV(),
                    ser.getTx().getStrRef().getF(), ser.getCat().getStrRef().getF(), ser.getVal().getNumRef().getF(),
                    Arrays.stream(ser.getCat().getStrRef().getStrCache().getPtArray()).map(CTStrVal::getV).toList(),
                    Arrays.stream(ser.getVal().getNumRef().getNumCache().getPtArray())
                            .map(CTNumVal::getV).map(Double::valueOf).toList()));
        }
        return series;
    }

    /** The values of the cells a reference such as {@code '月度情况'!$B$2:$B$13} names, in order. */
    static List<Object> cells(XSSFWorkbook workbook, String reference) {
        List<Object> values = new ArrayList<>();
        for (CellReference ref : new AreaReference(reference, SpreadsheetVersion.EXCEL2007).getAllReferencedCells()) {
            Cell cell = workbook.getSheet(ref.getSheetName()).getRow(ref.getRow()).getCell(ref.getCol());
            values.add(cell.getCellType() == CellType.NUMERIC ? (Object) cell.getNumericCellValue()
                    : cell.getStringCellValue());
        }
        return values;
    }

    private static String text(XDDFChart chart, CTTitle title) {
        return new XDDFTitle(chart, title).getBody().getParagraph(0).getText();
    }
}
