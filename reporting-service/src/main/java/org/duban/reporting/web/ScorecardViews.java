package org.duban.reporting.web;

import org.duban.reporting.api.model.ScoreWeights;
import org.duban.reporting.api.model.UnitScorecard;
import org.duban.reporting.api.model.UnitScorecards;
import org.duban.reporting.scorecard.Scorecards;

/**
 * Maps scorecards onto the OpenAPI model, for the scorecard endpoint and the annual report's JSON (the shared web
 * edge).
 */
public final class ScorecardViews {

    private ScorecardViews() {
    }

    public static UnitScorecards view(Scorecards scorecards) {
        var w = scorecards.weights();
        return new UnitScorecards(scorecards.period().from(), scorecards.period().to(),
                new ScoreWeights(w.onTimeCompletion(), w.timelyAcceptance(), w.satisfaction(), w.overdue(),
                        w.sendBacks(), w.supervisionOrders(), w.measures()),
                scorecards.units().stream().map(card -> new UnitScorecard(card.rank(), card.unitId(),
                                card.score().doubleValue(), card.figures().assignmentsIssued(),
                                card.figures().transfersIssued(), card.assignmentsConcluded(), card.overdue(),
                                card.sendBacks(), card.figures().supervisionOrdersOpened(), card.measuresIssued(),
                                StatisticsViews.view(card.figures().rates().timelyAcceptance()),
                                StatisticsViews.view(card.figures().rates().onTimeCompletion()),
                                StatisticsViews.view(card.figures().rates().satisfaction()))
                        .unitName(card.unitName()))
                        .toList());
    }
}
