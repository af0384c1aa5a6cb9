package org.duban.reporting.statistics;

/** 三项建议 issued in the period, by kind, and how many of them were adopted. */
public record RecommendationCounts(long improveWork, long improvePolicy, long accountability, long adopted) {

    public static RecommendationCounts none() {
        return new RecommendationCounts(0, 0, 0, 0);
    }
}
