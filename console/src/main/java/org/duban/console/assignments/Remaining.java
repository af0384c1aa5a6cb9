package org.duban.console.assignments;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * How long until a deadline, counted as the board counts it: whole days rounded down, 0 on the last day
 * up to the deadline itself, negative exactly when the deadline has passed ("超期 N 天").
 *
 * @param daysLeft whole days until the deadline, rounded down
 */
public record Remaining(int daysLeft) {

    private static final long SECONDS_PER_DAY = Duration.ofDays(1).getSeconds();

    /** Null when there is no deadline. */
    static Remaining until(OffsetDateTime deadline, Instant now) {
        if (deadline == null) {
            return null;
        }
        long seconds = Duration.between(now, deadline.toInstant()).getSeconds();
        return new Remaining(Math.toIntExact(Math.floorDiv(seconds, SECONDS_PER_DAY)));
    }

    public boolean overdue() {
        return daysLeft < 0;
    }

    public boolean dueToday() {
        return daysLeft == 0;
    }

    /** Whole days overdue (positive), for "超期 N 天". */
    public int daysOverdue() {
        return Math.max(0, -daysLeft);
    }
}
