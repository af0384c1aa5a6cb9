package org.duban.supervision.recommendation;

/** 三项建议: 改进工作建议 (to the unit), 完善政策建议 (to the district), 追究责任建议 (to the body with authority). */
public enum RecommendationKind {
    IMPROVE_WORK, IMPROVE_POLICY, ACCOUNTABILITY
}
