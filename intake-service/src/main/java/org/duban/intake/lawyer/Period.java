package org.duban.intake.lawyer;

import java.time.LocalDate;

import org.duban.platform.domain.InvalidInput;

/**
 * Office-local days {@code [from, to)} a list is narrowed to; either end may be open (null).
 */
public record Period(LocalDate from, LocalDate to) {

    public Period {
        if (from != null && to != null && !to.isAfter(from)) {
            throw new InvalidInput("to", "must be after from");
        }
    }

    public static Period any() {
        return new Period(null, null);
    }

    public boolean contains(LocalDate day) {
        return (from == null || !day.isBefore(from)) && (to == null || day.isBefore(to));
    }
}
