package org.duban.reporting.web;

import java.math.BigDecimal;

import org.duban.reporting.api.model.LawyerCounts;
import org.duban.reporting.api.model.MeasureCounts;
import org.duban.reporting.api.model.Rate;
import org.duban.reporting.api.model.Rates;
import org.duban.reporting.api.model.RecommendationCounts;
import org.duban.reporting.api.model.Statistics;
import org.duban.reporting.statistics.Figures;

/**
 * Maps figures onto the OpenAPI model, for the statistics endpoint and the annual report's JSON (the shared web
 * edge).
 */
public final class StatisticsViews {

    private StatisticsViews() {
    }

    public static Statistics view(Figures figures) {
        var recommendations = figures.recommendations();
        var measures = figures.measures();
        var rates = figures.rates();
        return new Statistics(
                        figures.period().from(),
                        figures.period().to(),
                        figures.assignmentsIssued(),
                        figures.transfersIssued(),
                        figures.supervisionOrdersOpened(),
                        new RecommendationCounts(recommendations.improveWork(), recommendations.improvePolicy(),
                                recommendations.accountability(), recommendations.adopted()),
                        new MeasureCounts(measures.notice(), measures.writtenSelfReview(), measures.interview(),
                                measures.listedSupervision(), measures.rectificationOrder()),
                        new Rates(
                                view(rates.timelyAcceptance()),
                                view(rates.onTimeCompletion()),
                                view(rates.participation()),
                                view(rates.satisfaction()),
                                view(rates.prominentResolution()),
                                view(rates.firstTimeResolution())))
                .unitId(figures.unitId())
                .unratedMatters(figures.unratedMatters())
                .lawyers(figures.lawyers() == null ? null : new LawyerCounts(figures.lawyers().dutySessions(),
                        figures.lawyers().visitorsReceived(), figures.lawyers().mediationMatters(),
                        figures.lawyers().legalOpinionMatters()));
    }

    public static Rate view(org.duban.reporting.statistics.Rate rate) {
        return new Rate(rate.numerator(), rate.denominator())
                .percent(rate.percent().map(BigDecimal::doubleValue).orElse(null));
    }
}
