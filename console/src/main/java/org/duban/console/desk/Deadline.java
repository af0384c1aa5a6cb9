package org.duban.console.desk;

import java.time.OffsetDateTime;

/**
 * A deadline as the unit reads it: when it falls and, while it still binds the unit, how many days are
 * left or how many it is overdue (whole office days, so "今日到期" on its last day).
 *
 * @param at       when it falls; null when there is none
 * @param running  it still binds (the unit has not done what it asks for yet)
 * @param daysLeft whole office days from today to its day (negative when past)
 * @param overdue  running and past
 */
public record Deadline(OffsetDateTime at, boolean running, long daysLeft, boolean overdue) {

    static final int SOON_DAYS = 3;

    /** Whole days overdue, at least one once it is overdue. */
    public long daysOverdue() {
        return overdue ? Math.max(1, -daysLeft) : 0;
    }

    /** Running and due today. */
    public boolean dueToday() {
        return running && !overdue && daysLeft <= 0;
    }

    /** Running, not overdue, and within the warning window. */
    public boolean soon() {
        return running && !overdue && daysLeft <= SOON_DAYS;
    }
}
