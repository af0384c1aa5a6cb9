package org.duban.reporting.scorecard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.duban.platform.domain.Caller;
import org.duban.platform.domain.Role;
import org.duban.reporting.projection.Counter;
import org.duban.reporting.projection.CounterTotals;
import org.duban.reporting.projection.Increment;
import org.duban.reporting.projection.Units;
import org.duban.reporting.statistics.Figures;
import org.duban.reporting.statistics.Period;
import org.duban.reporting.statistics.Rate;
import org.duban.reporting.statistics.StatisticsService;

/** Ranks the responsible units of a period by the office's weighted score (SPEC §6 unit scorecard). */
public final class ScorecardService {

    private final StatisticsService statistics;
    private final Units units;
    private final ScoreWeights weights;

    public ScorecardService(StatisticsService statistics, Units units, ScoreWeights weights) {
        this.statistics = Objects.requireNonNull(statistics, "statistics");
        this.units = Objects.requireNonNull(units, "units");
        this.weights = Objects.requireNonNull(weights, "weights");
    }

    public Scorecards scorecards(Caller caller, LocalDate from, LocalDate to) {
        caller.require(Role.SUPERVISOR, Role.LEADER);
        return scorecards(new Period(from, to));
    }

    /** Scorecards of a valid period; no caller check. Facts that name no unit are left out. */
    public Scorecards scorecards(Period period) {
        Map<String, String> names = units.names();
        List<UnitScorecard> cards = new ArrayList<>();
        statistics.figuresByUnit(period).forEach((unitId, figures) -> {
            if (!Increment.NO_UNIT.equals(unitId)) {
                cards.add(card(unitId, names.get(unitId), figures));
            }
        });
        cards.sort(Comparator.comparing(UnitScorecard::score).reversed().thenComparing(UnitScorecard::unitId));
        List<UnitScorecard> ranked = new ArrayList<>();
        for (int i = 0; i < cards.size(); i++) {
            UnitScorecard card = cards.get(i);
            int rank = i > 0 && card.score().compareTo(cards.get(i - 1).score()) == 0 ? ranked.get(i - 1).rank() : i + 1;
            ranked.add(new UnitScorecard(rank, card.unitId(), card.unitName(), card.score(), card.figures(),
                    card.overdue(), card.sendBacks(), card.assignmentsConcluded(), card.measuresIssued()));
        }
        return new Scorecards(period, weights, ranked);
    }

    private UnitScorecard card(String unitId, String name, Figures figures) {
        CounterTotals counters = figures.counters();
        long overdue = counters.get(Counter.ASSIGNMENTS_OVERDUE);
        long sendBacks = counters.get(Counter.SEND_BACKS);
        long measures = figures.measures().total();
        double score = weights.onTimeCompletion() * percent(figures.rates().onTimeCompletion())
                + weights.timelyAcceptance() * percent(figures.rates().timelyAcceptance())
                + weights.satisfaction() * percent(figures.rates().satisfaction())
                - weights.overdue() * overdue
                - weights.sendBacks() * sendBacks
                - weights.supervisionOrders() * figures.supervisionOrdersOpened()
                - weights.measures() * measures;
        return new UnitScorecard(0, unitId, name, BigDecimal.valueOf(score).setScale(2, RoundingMode.HALF_UP), figures,
                overdue, sendBacks, counters.get(Counter.ASSIGNMENTS_CONCLUDED), measures);
    }

    private static double percent(Rate rate) {
        return rate.percent().map(BigDecimal::doubleValue).orElse(0.0);
    }
}
