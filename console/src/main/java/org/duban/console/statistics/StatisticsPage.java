package org.duban.console.statistics;

import java.util.List;
import java.util.Map;

import org.duban.client.reporting.api.ScorecardsApi;
import org.duban.client.reporting.api.StatisticsApi;
import org.duban.client.reporting.model.Statistics;
import org.duban.client.reporting.model.UnitScorecards;
import org.duban.console.platform.Attempt;
import org.duban.console.platform.UnitDirectory;
import org.duban.console.security.ConsoleUser;
import org.duban.console.statistics.StatisticsView.Figures;
import org.duban.console.statistics.StatisticsView.Ranking;
import org.duban.console.statistics.StatisticsView.RankingLine;
import org.springframework.stereotype.Component;

/**
 * Puts the statistics page together: the period's figures (for one unit or all), the units ranked over the
 * same period, and the year of {@code from} by month and category from its annual report.
 */
@Component
class StatisticsPage {

    private final StatisticsApi statistics;
    private final ScorecardsApi scorecards;
    private final AnnualFigures annual;
    private final UnitDirectory units;

    StatisticsPage(StatisticsApi statistics, ScorecardsApi scorecards, AnnualFigures annual, UnitDirectory units) {
        this.statistics = statistics;
        this.scorecards = scorecards;
        this.annual = annual;
        this.units = units;
    }

    /**
     * The page, or the platform's refusal of the period ({@code to} not after {@code from}, longer than it
     * counts at once).
     */
    Attempt<StatisticsView> view(ConsoleUser user, Period period, String unitId) {
        return Attempt.of(() -> assemble(user, period, unitId));
    }

    private StatisticsView assemble(ConsoleUser user, Period period, String unitId) {
        Statistics counted = statistics.getStatistics(period.from(), period.to(), unitId);
        UnitScorecards ranked = scorecards.getUnitScorecards(period.from(), period.to());
        Map<String, String> names = units.names(user);
        List<RankingLine> lines = ranked.getUnits().stream()
                .map(card -> new RankingLine(card, name(card.getUnitName(), card.getUnitId(), names),
                        card.getUnitId().equals(unitId)))
                .toList();
        YearFigures year = annual.of(period.year()).orElse(null);
        List<String> narrative = year != null && unitId == null && period.wholeYear() ? year.narrative() : List.of();
        return new StatisticsView(period, unitId == null ? null : names.getOrDefault(unitId, unitId),
                Figures.of(counted), year, narrative, new Ranking(lines, ranked.getWeights()));
    }

    /** The name the scorecard was counted under, else the registry's, else the id. */
    private static String name(String counted, String unitId, Map<String, String> registry) {
        return counted != null && !counted.isBlank() ? counted : registry.getOrDefault(unitId, unitId);
    }
}
