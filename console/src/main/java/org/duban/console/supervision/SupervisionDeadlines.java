package org.duban.console.supervision;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;

import org.springframework.stereotype.Component;

/**
 * Days left before a deadline of an order, a recommendation or a measure, counted as the board counts
 * them (whole days until the deadline, rounded down: 0 on its last day, negative once it passed), so that
 * a deadline reads the same on every page. Templates call it as {@code @supervisionDeadlines}; whether a
 * deadline is overdue is the platform's answer, not this count.
 */
@Component("supervisionDeadlines")
public class SupervisionDeadlines {

    private final Clock clock;

    SupervisionDeadlines(Clock clock) {
        this.clock = clock;
    }

    /** Whole days until {@code dueAt}, rounded down; 0 for null. */
    public long daysLeft(OffsetDateTime dueAt) {
        if (dueAt == null) {
            return 0;
        }
        return Math.floorDiv(Duration.between(clock.instant(), dueAt.toInstant()).getSeconds(),
                Duration.ofDays(1).getSeconds());
    }

    /** Whole days past {@code dueAt}, at least 1 (for "超期 N 天" beside the platform's overdue flag). */
    public long daysOverdue(OffsetDateTime dueAt) {
        return Math.max(1, -daysLeft(dueAt));
    }
}
