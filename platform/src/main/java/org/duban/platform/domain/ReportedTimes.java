package org.duban.platform.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Checks a time that a unit or a person reports — a notice sent, a reply given, an interview held — against
 * the event it must follow and against now, the way people give times (SPEC §3):
 * <ul>
 *   <li>with the {@link ClockSkewTolerance}: the reporter's clock may be that much off the platform's;</li>
 *   <li>at the precision it was given in, read in the office's time zone: a time on the full second stands
 *       for that second, on the full minute for that minute, at local midnight for that day. A time given
 *       to the minute is not before an event within that same minute, nor a day before an event that day.</li>
 * </ul>
 * A time clearly before the event, or in the future beyond the tolerance, is refused with
 * {@link InvalidInput} naming the field and the bound it broke.
 */
public record ReportedTimes(ClockSkewTolerance tolerance, ZoneId zone) {

    public ReportedTimes {
        Objects.requireNonNull(tolerance, "tolerance");
        Objects.requireNonNull(zone, "zone");
    }

    /** The default tolerance, times read in UTC: for callers without the office's settings (tests). */
    public static ReportedTimes withDefaultTolerance() {
        return new ReportedTimes(ClockSkewTolerance.DEFAULT, ZoneOffset.UTC);
    }

    /**
     * Refuses {@code reported} unless it is given, not before {@code event} (which happened at
     * {@code eventAt}), and not further in the future of {@code now} than the tolerance.
     *
     * @param field   the request field, named in the refusal
     * @param event   what must come first, in words: "the assignment was issued"
     * @return {@code reported}, unchanged
     */
    public Instant require(String field, Instant reported, String event, Instant eventAt, Instant now) {
        if (reported == null) {
            throw new InvalidInput(field, "is required");
        }
        if (reported.isAfter(now.plus(tolerance.value()))) {
            throw new InvalidInput(field, "must not be more than " + tolerance.inWords() + " in the future");
        }
        if (before(reported, eventAt)) {
            throw new InvalidInput(field, "must not be before " + event + " ("
                    + eventAt.truncatedTo(ChronoUnit.SECONDS) + ")");
        }
        return reported;
    }

    /** Whether the whole span {@code reported} stands for, widened by the tolerance, ends before {@code eventAt}. */
    boolean before(Instant reported, Instant eventAt) {
        Duration precision = precision(reported);
        Instant latest = reported.plus(precision).plus(tolerance.value());
        // a span [reported, reported + precision) ends just before its end; an exact time is its own end
        return precision.isZero() ? latest.isBefore(eventAt) : !latest.isAfter(eventAt);
    }

    /** The span a reported time stands for, from how it was given: a day, a minute, a second, or exactly. */
    Duration precision(Instant reported) {
        ZonedDateTime local = reported.atZone(zone);
        if (local.getNano() != 0) {
            return Duration.ZERO;
        }
        if (local.getSecond() != 0) {
            return Duration.ofSeconds(1);
        }
        if (local.getHour() == 0 && local.getMinute() == 0) {
            return Duration.between(local, local.toLocalDate().plusDays(1).atStartOfDay(zone));
        }
        return Duration.ofMinutes(1);
    }
}
