package org.duban.supervision.reminder;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The office's warning rules (SPEC §3), evaluated against a moment {@code now}:
 * <ul>
 *   <li>RED when now is past the deadline ({@code now > deadline}); the assignment is overdue;</li>
 *   <li>YELLOW when at most the yellow window remains ({@code deadline - now <= window}), the
 *       deadline instant itself included;</li>
 *   <li>GREEN otherwise.</li>
 * </ul>
 * {@code daysLeft} is {@code floor((deadline - now) / 24 h)}: 2 while two to three days remain, 0
 * on the last day up to the deadline itself, -1 from the first instant past it until a full day
 * past, and so on — so it is negative exactly when the assignment is overdue.
 *
 * @param yellowWindow how long before a deadline the board turns yellow (3 days by default)
 */
public record AlertPolicy(Duration yellowWindow) {

    private static final long SECONDS_PER_DAY = Duration.ofDays(1).getSeconds();

    public AlertPolicy {
        Objects.requireNonNull(yellowWindow, "yellowWindow");
        if (yellowWindow.isNegative()) {
            throw new IllegalArgumentException("the yellow window must not be negative");
        }
    }

    public boolean overdue(Instant deadline, Instant now) {
        return now.isAfter(deadline);
    }

    public AlertColour colourOf(Instant deadline, Instant now) {
        if (overdue(deadline, now)) {
            return AlertColour.RED;
        }
        return Duration.between(now, deadline).compareTo(yellowWindow) <= 0 ? AlertColour.YELLOW : AlertColour.GREEN;
    }

    public int daysLeft(Instant deadline, Instant now) {
        // A Duration keeps whole seconds rounded down (its nanosecond part is never negative), so
        // flooring them by the day floors the exact difference: negative exactly when now > deadline.
        return Math.toIntExact(Math.floorDiv(Duration.between(now, deadline).getSeconds(), SECONDS_PER_DAY));
    }

    /** The deadlines that have {@code colour} at {@code now}: the exact inverse of {@link #colourOf}. */
    public DeadlineRange deadlinesColoured(AlertColour colour, Instant now) {
        Instant endOfWindow = now.plus(yellowWindow);
        return switch (colour) {
            case RED -> DeadlineRange.before(now);
            case YELLOW -> DeadlineRange.between(now, endOfWindow);
            case GREEN -> DeadlineRange.after(endOfWindow);
        };
    }

    /**
     * The reminder due for {@code deadline} at {@code now}, given the last one issued: YELLOW once
     * inside the window, RED once past, each at most once per deadline. A deadline first seen
     * already past gets only the RED one (the yellow would come after the fact).
     */
    public Optional<AlertColour> reminderDue(Deadline deadline, Reminded reminded, Instant now) {
        if (deadline == null) {
            return Optional.empty();
        }
        AlertColour colour = colourOf(deadline.at(), now);
        AlertColour already = Reminded.colourFor(reminded, deadline);
        if (colour == AlertColour.GREEN || already == AlertColour.RED || already == colour) {
            return Optional.empty();
        }
        return Optional.of(colour);
    }

    /**
     * When the next reminder of {@code deadline} falls due: the start of its yellow window until the
     * yellow one is issued, the first millisecond past it (the store's precision) until the red one
     * is; null after that, or without a deadline. The sweep selects on this instant alone.
     */
    public Instant nextCheckAt(Deadline deadline, Reminded reminded) {
        if (deadline == null) {
            return null;
        }
        AlertColour already = Reminded.colourFor(reminded, deadline);
        if (already == null) {
            return deadline.at().minus(yellowWindow);
        }
        return already == AlertColour.YELLOW ? deadline.at().plusMillis(1) : null;
    }
}
