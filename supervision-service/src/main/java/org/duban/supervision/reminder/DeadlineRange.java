package org.duban.supervision.reminder;

import java.time.Instant;

/**
 * A range of deadlines: what a colour means at a given moment, so that the store can select (and
 * page over) exactly the assignments of that colour. A missing bound is unbounded.
 */
public record DeadlineRange(Instant lower, boolean lowerInclusive, Instant upper, boolean upperInclusive) {

    /** Every deadline. */
    public static DeadlineRange any() {
        return new DeadlineRange(null, false, null, false);
    }

    /** Deadlines strictly before {@code instant}. */
    public static DeadlineRange before(Instant instant) {
        return new DeadlineRange(null, false, instant, false);
    }

    /** Deadlines from {@code from} to {@code to}, both included. */
    public static DeadlineRange between(Instant from, Instant to) {
        return new DeadlineRange(from, true, to, true);
    }

    /** Deadlines strictly after {@code instant}. */
    public static DeadlineRange after(Instant instant) {
        return new DeadlineRange(instant, false, null, false);
    }

    public boolean contains(Instant deadline) {
        boolean aboveLower = lower == null || (lowerInclusive ? !deadline.isBefore(lower) : deadline.isAfter(lower));
        boolean belowUpper = upper == null || (upperInclusive ? !deadline.isAfter(upper) : deadline.isBefore(upper));
        return aboveLower && belowUpper;
    }
}
