package org.duban.reporting.statistics;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.duban.platform.domain.InvalidInput;

/**
 * The office-local days {@code [from, to)} figures are counted over: at least one day and at most
 * {@value #MAX_DAYS} — a whole year, leap years included; longer spans are asked for year by year.
 */
public record Period(LocalDate from, LocalDate to) {

    public static final int MAX_DAYS = 366;

    public Period {
        if (from == null) {
            throw new InvalidInput("from", "is required");
        }
        if (to == null) {
            throw new InvalidInput("to", "is required");
        }
        if (!to.isAfter(from)) {
            throw new InvalidInput("to", "must be after from");
        }
        if (days(from, to) > MAX_DAYS) {
            throw new InvalidInput("to", "must be at most " + MAX_DAYS + " days after from");
        }
    }

    public long days() {
        return days(from, to);
    }

    private static long days(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to);
    }
}
