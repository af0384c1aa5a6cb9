package org.duban.reporting.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.duban.reporting.projection.LawyerTotals;
import org.duban.reporting.statistics.Figures;
import org.duban.reporting.statistics.Rate;

/**
 * The report's paragraphs in the office's own phrasing (the 2023 report: "全年累计交办突出信访问题149件，
 * 督办25件，提出改进工作建议7件，责令书面检查1件，开展约谈6件" … "信访事项群众满意率达97.41%" …
 * "突出信访矛盾年化解率达到91.94%"). A rate with nothing counted is 暂无 ("满意率暂无"), never "达0%" or "达无".
 * Matters recorded 超期未评价 are named beside the participation rate when there are any; lawyers' part
 * (the report's "落实每周一、二律师坐班接访 … 重大矛盾化解邀请律师参与调解") gets its own sentence — "律师坐班接访N次，
 * 接待群众N人次，参与化解矛盾N件，出具法律意见N件" — only when a lawyer took part at all, each clause only
 * when it counts something.
 */
final class Narrative {

    private Narrative() {
    }

    static String title(int year) {
        return year + "年度信访事项督查督办工作报告";
    }

    static List<String> paragraphs(int year, Figures figures) {
        var rates = figures.rates();
        var measures = figures.measures();
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(year + "年，对信访事项转送、交办、受理、办理、答复等环节一盯到底，"
                + reached("信访事项群众满意率", "达", rates.satisfaction()) + "（参评" + rates.satisfaction().denominator() + "件，满意和基本满意"
                + rates.satisfaction().numerator() + "件），" + reached("突出信访矛盾年化解率", "达到", rates.prominentResolution())
                + "（突出信访问题" + rates.prominentResolution().denominator() + "件，化解"
                + rates.prominentResolution().numerator() + "件）。");
        paragraphs.add("全年累计交办突出信访问题" + figures.assignmentsIssued() + "件，督办" + figures.supervisionOrdersOpened()
                + "件，提出改进工作建议" + figures.recommendations().improveWork() + "件，责令书面检查"
                + measures.writtenSelfReview() + "件，开展约谈" + measures.interview() + "件，信访工作责任进一步落实。");
        paragraphs.add("全年转送信访事项" + figures.transfersIssued() + "件；提出完善政策建议"
                + figures.recommendations().improvePolicy() + "件、追究责任建议" + figures.recommendations().accountability()
                + "件，建议被采纳" + figures.recommendations().adopted() + "件；通报" + measures.notice() + "件，挂牌督办"
                + measures.listedSupervision() + "件，责令限期整改" + measures.rectificationOrder() + "件。");
        paragraphs.add("交办事项" + reached("按期受理率", "", rates.timelyAcceptance()) + "，"
                + reached("按期办结率", "", rates.onTimeCompletion()) + "，" + reached("群众参评率", "", rates.participation())
                + (figures.unratedMatters() > 0 ? "（超期未评价" + figures.unratedMatters() + "件）" : "")
                + "，初次信访事项" + reached("一次性化解率", "", rates.firstTimeResolution()) + "。");
        lawyers(figures.lawyers()).ifPresent(paragraphs::add);
        return paragraphs;
    }

    /** "全年律师坐班接访12次，接待群众40人次，参与化解矛盾3件，出具法律意见2件。", or nothing when no lawyer took part. */
    static Optional<String> lawyers(LawyerTotals lawyers) {
        if (lawyers == null || !lawyers.any()) {
            return Optional.empty();
        }
        List<String> clauses = new ArrayList<>();
        if (lawyers.dutySessions() > 0) {
            clauses.add("律师坐班接访" + lawyers.dutySessions() + "次，接待群众" + lawyers.visitorsReceived() + "人次");
        }
        if (lawyers.mediationMatters() > 0) {
            clauses.add("参与化解矛盾" + lawyers.mediationMatters() + "件");
        }
        if (lawyers.legalOpinionMatters() > 0) {
            clauses.add("出具法律意见" + lawyers.legalOpinionMatters() + "件");
        }
        String sentence = String.join("，", clauses);
        return Optional.of("强化律师参与信访工作，全年" + (lawyers.dutySessions() > 0 ? "" : "律师") + sentence + "。");
    }

    /** "满意率达97.41%", or "满意率暂无" when nothing was counted. */
    static String reached(String rateName, String verb, Rate rate) {
        return rateName + rate.percent().map(percent -> verb + percent.toPlainString() + "%").orElse("暂无");
    }
}
