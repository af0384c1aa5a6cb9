package org.duban.console.assignments;

import java.time.Instant;
import java.time.OffsetDateTime;

import org.duban.console.web.Deadlines;

/**
 * How long until a deadline, counted as every page counts it ({@link Deadlines}): whole days rounded down, 0 on the last day
 * up to the deadline itself, negative exactly when the deadline has passed ("超期 N 天").
 *
 * @param daysLeft whole days until the deadline, rounded down
 */
public record Remaining(int daysLeft) {

    /** Null when there is no deadline. */
    static Remaining until(OffsetDateTime deadline, Instant now) {
        if (deadline == null) {
            return null;
        }
        return new Remaining(Math.toIntExact(Deadlines.daysLeft(deadline, now)));
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
