package org.duban.platform.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * How far a clock that reports a time to the platform (a unit's system, a person's watch) may be off the
 * platform's own: a time reported up to this much in the future, or this much before the event it must
 * follow, is taken as it is (SPEC §3, default 5 minutes; {@code DUBAN_CLOCK_SKEW_TOLERANCE}).
 */
public record ClockSkewTolerance(Duration value) {

    /** Longer than this is not clock skew but a wrong time. */
    static final Duration MAX = Duration.ofDays(1);

    /** Five minutes, the office's default. */
    public static final ClockSkewTolerance DEFAULT = new ClockSkewTolerance(Duration.ofMinutes(5));

    public ClockSkewTolerance {
        Objects.requireNonNull(value, "value");
        if (value.isNegative() || value.compareTo(MAX) > 0) {
            throw new IllegalArgumentException("a clock-skew tolerance lies between 0 and " + MAX + ", not " + value);
        }
    }

    /** The tolerance in words, for messages: "5 minutes", "90 seconds", "1 hour". */
    public String inWords() {
        long seconds = value.toSeconds();
        if (seconds % 3600 == 0 && seconds > 0) {
            return plural(seconds / 3600, "hour");
        }
        if (seconds % 60 == 0 && seconds > 0) {
            return plural(seconds / 60, "minute");
        }
        return plural(seconds, "second");
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }
}
