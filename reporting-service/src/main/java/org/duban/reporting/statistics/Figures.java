package org.duban.reporting.statistics;

import java.util.Objects;

import org.duban.reporting.projection.CounterTotals;
import org.duban.reporting.projection.LawyerTotals;

/**
 * The figures of SPEC §6 for a period, of all units or of one.
 *
 * @param unitId   the unit the figures are for, or null for all units
 * @param counters every daily counter of the period (overdue, send-backs, notifications, …) for the
 *                 scorecards and the report
 * @param unratedMatters 超期未评价: matters whose evaluation window closed unrated in the period, still
 *                 unrated — in neither the participation nor the satisfaction rate
 * @param lawyers  lawyers' part in the office's work (office-wide); null for one unit's figures
 */
public record Figures(
        Period period,
        String unitId,
        long assignmentsIssued,
        long transfersIssued,
        long supervisionOrdersOpened,
        RecommendationCounts recommendations,
        MeasureCounts measures,
        Rates rates,
        CounterTotals counters,
        long unratedMatters,
        LawyerTotals lawyers) {

    public Figures {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(recommendations, "recommendations");
        Objects.requireNonNull(measures, "measures");
        Objects.requireNonNull(rates, "rates");
        Objects.requireNonNull(counters, "counters");
    }
}
