package org.duban.reporting.scorecard;

import java.util.List;

import org.duban.reporting.statistics.Period;

/** Every unit's scorecard of a period, best first, with the weights that ranked them. */
public record Scorecards(Period period, ScoreWeights weights, List<UnitScorecard> units) {

    public Scorecards {
        units = List.copyOf(units);
    }
}
