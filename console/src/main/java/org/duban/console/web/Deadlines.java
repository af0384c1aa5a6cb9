package org.duban.console.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

import org.springframework.stereotype.Component;

/**
 * Days left before a deadline, counted on every page as the platform counts them for the board
 * ({@code floor((deadline − now) / 24 h)}): 0 on its last day up to the deadline itself, negative exactly
 * once it has passed — so a deadline at midnight reads "今日到期" the day before, and a deadline reads the
 * same on the board, a list and a detail page. Templates call it as {@code @deadlines}.
 */
@Component("deadlines")
public class Deadlines {

    private static final long SECONDS_PER_DAY = Duration.ofDays(1).getSeconds();

    private final Clock clock;

    Deadlines(Clock clock) {
        this.clock = clock;
    }

    /** Whole days until {@code dueAt}, rounded down; negative once it passed. */
    public static long daysLeft(OffsetDateTime dueAt, Instant now) {
        return Math.floorDiv(Duration.between(now, dueAt.toInstant()).getSeconds(), SECONDS_PER_DAY);
    }

    /** Whole days until {@code dueAt} from now; 0 for no deadline. */
    public long daysLeft(OffsetDateTime dueAt) {
        return dueAt == null ? 0 : daysLeft(dueAt, clock.instant());
    }

    /** Whole days past {@code dueAt} ("超期 N 天"), at least 1 once it passed; 0 before. */
    public long daysOverdue(OffsetDateTime dueAt) {
        return Math.max(0, -daysLeft(dueAt));
    }

    /** Whether {@code dueAt} has passed. */
    public boolean passed(OffsetDateTime dueAt) {
        return dueAt != null && clock.instant().isAfter(dueAt.toInstant());
    }
}
