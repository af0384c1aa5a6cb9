package org.duban.reporting.scorecard;

import java.math.BigDecimal;

import org.duban.reporting.statistics.Figures;

/**
 * One unit's counts and rates of a period, its score and its rank (1 = best).
 *
 * @param unitName the name the unit was registered with, or null when its registration was not seen
 */
public record UnitScorecard(int rank, String unitId, String unitName, BigDecimal score, Figures figures, long overdue,
        long sendBacks, long assignmentsConcluded, long measuresIssued) {
}
