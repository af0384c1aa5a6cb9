package org.duban.reporting.report.document;

import java.util.ArrayList;
import java.util.List;

import org.duban.reporting.report.AnnualReport;
import org.duban.reporting.scorecard.UnitScorecard;
import org.duban.reporting.statistics.Figures;
import org.duban.reporting.statistics.Rate;

/**
 * The report's tables as rows of cells, shared by the Markdown, DOCX and XLSX renderings so the three
 * always hold the same figures. Numbers are kept as numbers (XLSX writes them as numeric cells).
 */
final class ReportTables {

    record Table(String title, List<String> header, List<List<Object>> rows) {
    }

    private ReportTables() {
    }

    static List<Table> all(AnnualReport report) {
        return List.of(figures(report.figures()), units(report), categories(report), months(report));
    }

    static Table figures(Figures f) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(count("交办", f.assignmentsIssued()));
        rows.add(count("转送", f.transfersIssued()));
        rows.add(count("督办", f.supervisionOrdersOpened()));
        rows.add(count("改进工作建议", f.recommendations().improveWork()));
        rows.add(count("完善政策建议", f.recommendations().improvePolicy()));
        rows.add(count("追究责任建议", f.recommendations().accountability()));
        rows.add(count("建议被采纳", f.recommendations().adopted()));
        rows.add(count("通报", f.measures().notice()));
        rows.add(count("责令书面检查", f.measures().writtenSelfReview()));
        rows.add(count("约谈", f.measures().interview()));
        rows.add(count("挂牌督办", f.measures().listedSupervision()));
        rows.add(count("责令限期整改", f.measures().rectificationOrder()));
        rows.add(rate("按期受理率", f.rates().timelyAcceptance()));
        rows.add(rate("按期办结率", f.rates().onTimeCompletion()));
        rows.add(rate("群众参评率", f.rates().participation()));
        rows.add(rate("群众满意率", f.rates().satisfaction()));
        rows.add(rate("突出信访矛盾化解率", f.rates().prominentResolution()));
        rows.add(rate("一次性化解率", f.rates().firstTimeResolution()));
        rows.add(count("超期未评价", f.unratedMatters()));
        if (f.lawyers() != null) {
            rows.add(count("律师坐班接访（次）", f.lawyers().dutySessions()));
            rows.add(count("律师接待群众（人次）", f.lawyers().visitorsReceived()));
            rows.add(count("律师参与调解（件）", f.lawyers().mediationMatters()));
            rows.add(count("律师法律意见（件）", f.lawyers().legalOpinionMatters()));
        }
        return new Table("主要数据", List.of("指标", "数值", "分子", "分母"), rows);
    }

    static Table units(AnnualReport report) {
        List<List<Object>> rows = new ArrayList<>();
        for (UnitScorecard card : report.units().units()) {
            rows.add(List.of(card.rank(), card.unitName() == null ? card.unitId() : card.unitName(),
                    card.figures().assignmentsIssued(), card.figures().transfersIssued(), card.assignmentsConcluded(),
                    card.overdue(), card.sendBacks(), card.figures().supervisionOrdersOpened(), card.measuresIssued(),
                    percent(card.figures().rates().timelyAcceptance()), percent(card.figures().rates().onTimeCompletion()),
                    percent(card.figures().rates().satisfaction()), card.score()));
        }
        return new Table("各责任单位情况", List.of("排名", "责任单位", "交办", "转送", "办结", "超期", "退回重办", "督办",
                "问责措施", "按期受理率", "按期办结率", "满意率", "得分"), rows);
    }

    static Table categories(AnnualReport report) {
        List<List<Object>> rows = new ArrayList<>();
        for (AnnualReport.CategoryRow row : report.categories()) {
            rows.add(List.of(row.label(), row.assignmentsIssued(), row.transfersIssued(), row.assignmentsConcluded()));
        }
        return new Table("分类情况", List.of("类别", "交办", "转送", "办结"), rows);
    }

    static Table months(AnnualReport report) {
        List<List<Object>> rows = new ArrayList<>();
        for (AnnualReport.MonthRow row : report.months()) {
            rows.add(List.of(row.month() + "月", row.assignmentsIssued(), row.transfersIssued(),
                    row.supervisionOrdersOpened(), row.measuresIssued()));
        }
        return new Table("月度情况", List.of("月份", "交办", "转送", "督办", "问责措施"), rows);
    }

    private static List<Object> count(String name, long value) {
        return List.of(name, value, "", "");
    }

    private static List<Object> rate(String name, Rate rate) {
        return List.of(name, percent(rate), rate.numerator(), rate.denominator());
    }

    static String percent(Rate rate) {
        return rate.percent().map(p -> p.toPlainString() + "%").orElse("无");
    }
}
