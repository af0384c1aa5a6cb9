package org.duban.reporting.statistics;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.duban.platform.domain.Caller;
import org.duban.platform.domain.InvalidInput;
import org.duban.platform.domain.Role;
import org.duban.reporting.projection.Counter;
import org.duban.reporting.projection.CounterTotals;
import org.duban.reporting.projection.DailyFigures;
import org.duban.reporting.projection.Dimension;
import org.duban.reporting.projection.LawyerTotals;
import org.duban.reporting.projection.LawyerWork;
import org.duban.reporting.projection.MatterTotals;
import org.duban.reporting.projection.Matters;

/**
 * Answers the figures of a period from the pre-aggregated daily counters and the per-matter facts:
 * a sum over at most {@value Period#MAX_DAYS} days per unit and category plus counts of the matters
 * concluded, evaluated or first assigned in the period — never a scan of events.
 */
public final class StatisticsService {

    static final int MAX_UNIT_ID_LENGTH = 64;

    private final DailyFigures dailyFigures;
    private final Matters matters;
    private final LawyerWork lawyers;
    private final Duration repeatWindow;

    /**
     * @param repeatWindow a repeat petition registered within this time after a first-time matter's
     *                     conclusion means it was not resolved the first time
     */
    public StatisticsService(DailyFigures dailyFigures, Matters matters, LawyerWork lawyers, Duration repeatWindow) {
        this.dailyFigures = Objects.requireNonNull(dailyFigures, "dailyFigures");
        this.matters = Objects.requireNonNull(matters, "matters");
        this.lawyers = Objects.requireNonNull(lawyers, "lawyers");
        this.repeatWindow = Objects.requireNonNull(repeatWindow, "repeatWindow");
    }

    /**
     * The figures of {@code [from, to)} for all units, or for {@code unitId} when given; office staff
     * only (supervisor, leader — SPEC §7). The role is checked before the input.
     */
    public Figures figures(Caller caller, LocalDate from, LocalDate to, String unitId) {
        caller.require(Role.SUPERVISOR, Role.LEADER);
        Period period = new Period(from, to);
        if (unitId != null && (unitId.isBlank() || unitId.length() > MAX_UNIT_ID_LENGTH)) {
            throw new InvalidInput("unitId", "must be 1 to " + MAX_UNIT_ID_LENGTH + " characters");
        }
        return figures(period, unitId);
    }

    /** The figures of a valid period, for one unit or (null) all; no caller check. */
    public Figures figures(Period period, String unitId) {
        CounterTotals totals = dailyFigures.sum(period.from(), period.to(), Optional.ofNullable(unitId));
        Map<String, MatterTotals> byUnit = matters.totalsByUnit(period.from(), period.to(), repeatWindow);
        MatterTotals matterTotals = unitId == null
                ? byUnit.values().stream().reduce(MatterTotals.none(), MatterTotals::plus)
                : byUnit.getOrDefault(unitId, MatterTotals.none());
        LawyerTotals lawyerTotals = unitId == null ? lawyers.totals(period.from(), period.to()) : null;
        return figures(period, unitId, totals, matterTotals, lawyerTotals);
    }

    /** Every unit's figures of a valid period, keyed by unit id: the scorecards' input. */
    public Map<String, Figures> figuresByUnit(Period period) {
        Map<String, CounterTotals> counters = dailyFigures.sumBy(period.from(), period.to(),
                Dimension.UNIT);
        Map<String, MatterTotals> byUnit = matters.totalsByUnit(period.from(), period.to(), repeatWindow);
        Map<String, Figures> figures = new TreeMap<>();
        Set<String> unitIds = new TreeSet<>(counters.keySet());
        unitIds.addAll(byUnit.keySet());
        for (String unitId : unitIds) {
            figures.put(unitId, figures(period, unitId, counters.getOrDefault(unitId, CounterTotals.none()),
                    byUnit.getOrDefault(unitId, MatterTotals.none()), null));
        }
        return figures;
    }

    static Figures figures(Period period, String unitId, CounterTotals totals, MatterTotals matterTotals,
            LawyerTotals lawyerTotals) {
        long assignmentsIssued = totals.get(Counter.ASSIGNMENTS_ISSUED);
        Rates rates = new Rates(
                // assignments (kind ASSIGN) issued in the period and accepted in time ÷ those issued in the period
                new Rate(totals.get(Counter.ACCEPTED_WITHIN_DEADLINE), assignmentsIssued),
                // assignments concluded in the period whose approved report came by the deadline ÷ those concluded
                new Rate(totals.get(Counter.CONCLUDED_ON_TIME), totals.get(Counter.ASSIGNMENTS_CONCLUDED)),
                // matters evaluated in the period ÷ matters concluded in the period (超期未评价 is no evaluation)
                new Rate(matterTotals.evaluated(), matterTotals.concluded()),
                new Rate(matterTotals.satisfied(), matterTotals.evaluated()),
                new Rate(matterTotals.prominentResolved(), matterTotals.prominent()),
                new Rate(matterTotals.firstTimeResolved(), matterTotals.firstTimeConcluded()));
        RecommendationCounts recommendations = new RecommendationCounts(
                totals.get(Counter.RECOMMENDATIONS_IMPROVE_WORK), totals.get(Counter.RECOMMENDATIONS_IMPROVE_POLICY),
                totals.get(Counter.RECOMMENDATIONS_ACCOUNTABILITY), totals.get(Counter.RECOMMENDATIONS_ADOPTED));
        MeasureCounts measures = new MeasureCounts(totals.get(Counter.MEASURES_NOTICE),
                totals.get(Counter.MEASURES_WRITTEN_SELF_REVIEW), totals.get(Counter.MEASURES_INTERVIEW),
                totals.get(Counter.MEASURES_LISTED_SUPERVISION), totals.get(Counter.MEASURES_RECTIFICATION_ORDER));
        return new Figures(period, unitId, assignmentsIssued, totals.get(Counter.TRANSFERS_ISSUED),
                totals.get(Counter.SUPERVISION_ORDERS_OPENED), recommendations, measures, rates, totals,
                matterTotals.unrated(), lawyerTotals);
    }
}
