package org.duban.reporting.projection;

/**
 * Matter-level counts of a period.
 *
 * @param concluded          matters concluded in the period (participation's denominator)
 * @param evaluated          matters whose current evaluation, a petitioner's rating, was recorded in the period
 * @param satisfied          of those, rated 满意 or 基本满意
 * @param prominent          prominent matters whose first assignment was issued in the period
 * @param prominentResolved  of those, concluded with a final report that says resolved
 * @param firstTimeConcluded first-time matters concluded in the period
 * @param firstTimeResolved  of those, resolved with no repeat petition within the window
 * @param unrated            matters whose evaluation window closed unrated in the period (超期未评价) and that
 *                           are still unrated: in neither {@code evaluated} nor {@code satisfied}
 */
public record MatterTotals(long concluded, long evaluated, long satisfied, long prominent, long prominentResolved,
        long firstTimeConcluded, long firstTimeResolved, long unrated) {

    public static MatterTotals none() {
        return new MatterTotals(0, 0, 0, 0, 0, 0, 0, 0);
    }

    public MatterTotals plus(MatterTotals other) {
        return new MatterTotals(concluded + other.concluded, evaluated + other.evaluated, satisfied + other.satisfied,
                prominent + other.prominent, prominentResolved + other.prominentResolved,
                firstTimeConcluded + other.firstTimeConcluded, firstTimeResolved + other.firstTimeResolved,
                unrated + other.unrated);
    }
}
