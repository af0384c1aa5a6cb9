package org.duban.console.statistics;

import java.math.BigDecimal;
import java.util.List;

import org.duban.client.reporting.model.LawyerCounts;
import org.duban.client.reporting.model.Rate;
import org.duban.client.reporting.model.ScoreWeights;
import org.duban.client.reporting.model.Statistics;
import org.duban.client.reporting.model.UnitScorecard;

/**
 * The figures of a period as the page shows them: the counts, every rate with its numerator and
 * denominator, the year's months and categories, and the units ranked.
 *
 * @param unitName  the unit the figures are limited to, or null for all units
 * @param year      the months and categories of the year of {@code from}; null when the platform has none
 * @param narrative the annual report's paragraphs when the period is that whole year for all units, else empty
 */
record StatisticsView(Period period, String unitName, Figures figures, YearFigures year,
        List<String> narrative, Ranking ranking) {

    /**
     * The counts and rates of SPEC §6, in the order the office reads them.
     *
     * @param unratedMatters 超期未评价: matters whose evaluation window closed unrated, in neither rate
     * @param lawyers        lawyers' part in the work (office-wide); null for one unit's figures
     */
    record Figures(long assignmentsIssued, long transfersIssued, long supervisionOrdersOpened,
            List<Count> recommendations, long recommendationsAdopted, List<Count> measures, List<RateLine> rates,
            long unratedMatters, Lawyers lawyers) {

        static Figures of(Statistics statistics) {
            var recommendations = statistics.getRecommendations();
            var measures = statistics.getMeasures();
            var rates = statistics.getRates();
            return new Figures(statistics.getAssignmentsIssued(), statistics.getTransfersIssued(),
                    statistics.getSupervisionOrdersOpened(),
                    List.of(new Count("IMPROVE_WORK", recommendations.getIMPROVEWORK()),
                            new Count("IMPROVE_POLICY", recommendations.getIMPROVEPOLICY()),
                            new Count("ACCOUNTABILITY", recommendations.getACCOUNTABILITY())),
                    recommendations.getAdopted(),
                    List.of(new Count("NOTICE", measures.getNOTICE()),
                            new Count("WRITTEN_SELF_REVIEW", measures.getWRITTENSELFREVIEW()),
                            new Count("INTERVIEW", measures.getINTERVIEW()),
                            new Count("LISTED_SUPERVISION", measures.getLISTEDSUPERVISION()),
                            new Count("RECTIFICATION_ORDER", measures.getRECTIFICATIONORDER())),
                    List.of(new RateLine("timelyAcceptance", rates.getTimelyAcceptance()),
                            new RateLine("onTimeCompletion", rates.getOnTimeCompletion()),
                            new RateLine("participation", rates.getParticipation()),
                            new RateLine("satisfaction", rates.getSatisfaction()),
                            new RateLine("prominentResolution", rates.getProminentResolution()),
                            new RateLine("firstTimeResolution", rates.getFirstTimeResolution())),
                    statistics.getUnratedMatters() == null ? 0 : statistics.getUnratedMatters(),
                    Lawyers.of(statistics.getLawyers()));
        }

        public long recommendation(String kind) {
            return count(recommendations, kind);
        }

        public long measure(String kind) {
            return count(measures, kind);
        }

        private static long count(List<Count> counts, String kind) {
            return counts.stream().filter(count -> count.kind().equals(kind)).mapToLong(Count::value).sum();
        }
    }

    /** 律师参与 of the period: sessions, visitors, matters mediated, matters given a legal opinion. */
    record Lawyers(long dutySessions, long visitorsReceived, long mediationMatters, long legalOpinionMatters) {

        static Lawyers of(LawyerCounts counts) {
            return counts == null ? null : new Lawyers(zero(counts.getDutySessions()),
                    zero(counts.getVisitorsReceived()), zero(counts.getMediationMatters()),
                    zero(counts.getLegalOpinionMatters()));
        }

        private static long zero(Long value) {
            return value == null ? 0 : value;
        }
    }

    /** How many of one kind (RecommendationKind or MeasureKind) there were. */
    record Count(String kind, long value) {
    }

    /**
     * A rate by its API name ({@code statistics.rate.<name>} names and explains it).
     *
     * @param rate null when the platform left it out (shown as 暂无)
     */
    record RateLine(String name, Rate rate) {

        /** Something was counted: the percent means something (else 暂无). */
        public boolean counted() {
            return rate != null && rate.getDenominator() != null && rate.getDenominator() > 0
                    && rate.getPercent() != null;
        }
    }

    /** The units ranked by the office's weighted score, with the weights it used. */
    record Ranking(List<RankingLine> lines, ScoreWeights weights) {

        /** The weights as the note shows them (0.5, 1, 2), in the order of the note's formula. */
        public List<String> weightTexts() {
            return List.of(weights.getOnTimeCompletion(), weights.getTimelyAcceptance(), weights.getSatisfaction(),
                    weights.getOverdue(), weights.getSendBacks(), weights.getSupervisionOrders(), weights.getMeasures())
                    .stream().map(Ranking::plain).toList();
        }

        private static String plain(Double weight) {
            return weight == null ? "0" : BigDecimal.valueOf(weight).stripTrailingZeros().toPlainString();
        }
    }

    /** One unit's line of the ranking, with the unit's name (its id when the registry does not know it). */
    record RankingLine(UnitScorecard card, String unitName, boolean chosen) {

        public RateLine timelyAcceptance() {
            return new RateLine("timelyAcceptance", card.getTimelyAcceptance());
        }

        public RateLine onTimeCompletion() {
            return new RateLine("onTimeCompletion", card.getOnTimeCompletion());
        }

        public RateLine satisfaction() {
            return new RateLine("satisfaction", card.getSatisfaction());
        }
    }
}
