package org.duban.reporting.statistics;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

import org.duban.platform.domain.Caller;
import org.duban.platform.domain.InvalidInput;
import org.duban.platform.domain.Role;
import org.duban.reporting.projection.Counter;
import org.duban.reporting.projection.CounterTotals;
import org.duban.reporting.projection.DailyFigures;

/**
 * Answers the figures of a period from the pre-aggregated daily counters: a sum over at most
 * {@value Period#MAX_DAYS} days per unit, never a scan of events.
 */
public final class StatisticsService {

    static final int MAX_UNIT_ID_LENGTH = 64;

    private final DailyFigures dailyFigures;

    public StatisticsService(DailyFigures dailyFigures) {
        this.dailyFigures = Objects.requireNonNull(dailyFigures, "dailyFigures");
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
        CounterTotals totals = dailyFigures.sum(period.from(), period.to(), Optional.ofNullable(unitId));
        long assignmentsIssued = totals.get(Counter.ASSIGNMENTS_ISSUED);
        Rates rates = new Rates(
                // assignments (kind ASSIGN) issued in the period and accepted in time ÷ those issued in the period
                new Rate(totals.get(Counter.ACCEPTED_WITHIN_DEADLINE), assignmentsIssued),
                Rate.none(),
                Rate.none(),
                Rate.none(),
                Rate.none(),
                Rate.none());
        return new Figures(period, unitId, assignmentsIssued, totals.get(Counter.TRANSFERS_ISSUED), 0,
                RecommendationCounts.none(), MeasureCounts.none(), rates);
    }
}
