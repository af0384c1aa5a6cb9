package org.duban.console.statistics;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The part of Apache ECharts' option object the console's charts use, named as ECharts names it, so that
 * the JSON mapper writes what {@code console.js} hands to {@code chart.setOption} (absent parts are left
 * out). Built on the server from the platform's figures; never concatenated as text.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ChartOptions(Title title, TextStyle textStyle, Boolean animation, List<String> color, Tooltip tooltip,
        Legend legend, Grid grid, Axis xAxis, Axis yAxis, List<Series> series) {

    /** The console's font stack (console.css): the labels are Chinese, so the canvas needs a CJK font. */
    static final String FONT_FAMILY = "\"Noto Sans CJK SC\", \"Noto Sans SC\", \"PingFang SC\", \"Microsoft YaHei\", "
            + "\"Source Han Sans SC\", sans-serif";
    /** 交办 and 转送 in the console's blues; 督办 red and 问责措施 yellow as on the board; 办结 green. */
    static final List<String> MONTHLY_COLOURS = List.of("#1d3f72", "#5b8fd1", "#b3261e", "#f2b400");
    static final List<String> CATEGORY_COLOURS = List.of("#1d3f72", "#5b8fd1", "#1e6b34");

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Title(String text, String left, TextStyle textStyle) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TextStyle(String fontFamily, Integer fontSize) {
    }

    /**
     * Tooltips drawn on the canvas ({@code richText}): ECharts' HTML tooltips carry inline styles, which the
     * Content-Security-Policy refuses.
     */
    record Tooltip(String trigger, String renderMode) {

        static Tooltip byAxis() {
            return new Tooltip("axis", "richText");
        }
    }

    record Legend(List<String> data, int top) {
    }

    record Grid(int left, int right, int top, int bottom, boolean containLabel) {
    }

    /** An axis: a category axis with its labels, or a value axis of whole numbers ({@code minInterval} 1). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Axis(String type, List<String> data, String name, Integer minInterval, Boolean inverse) {

        static Axis categories(List<String> labels, boolean inverse) {
            return new Axis("category", labels, null, null, inverse ? Boolean.TRUE : null);
        }

        static Axis wholeNumbers(String name) {
            return new Axis("value", null, name, 1, null);
        }
    }

    record Series(String name, String type, List<Long> data) {

        static Series bar(String name, List<Long> data) {
            return new Series(name, "bar", data);
        }

        static Series line(String name, List<Long> data) {
            return new Series(name, "line", data);
        }
    }
}
