package org.duban.reporting.projection;

/**
 * A figure kept pre-aggregated per office-local day and unit. Each counts facts about assignments
 * (or, later, orders, measures, evaluations), and a fact contributes to a counter at most once.
 */
public enum Counter {

    /** Assignments of kind ASSIGN (交办), on the day they were issued. */
    ASSIGNMENTS_ISSUED("assignmentsIssued"),

    /** Assignments of kind TRANSFER (转送), on the day they were issued. */
    TRANSFERS_ISSUED("transfersIssued"),

    /**
     * Assignments of kind ASSIGN accepted within their acceptance deadline, on the day they were
     * <em>issued</em> (not accepted): the numerator of the timely acceptance rate, whose denominator
     * is {@link #ASSIGNMENTS_ISSUED} of the same days.
     */
    ACCEPTED_WITHIN_DEADLINE("acceptedWithinDeadline");

    private final String key;

    Counter(String key) {
        this.key = key;
    }

    /** The counter's stable name, as stored and as the figures call it. */
    public String key() {
        return key;
    }
}
