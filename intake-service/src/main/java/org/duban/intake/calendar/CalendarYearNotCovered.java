package org.duban.intake.calendar;

import java.util.Collection;
import java.util.stream.Collectors;

/**
 * Working days were to be counted in a year the office calendar has no data for. Refused rather than
 * guessed: a deadline that silently ignores that year's holidays is worse than an error.
 */
public final class CalendarYearNotCovered extends RuntimeException {

    private final int year;

    public CalendarYearNotCovered(int year, Collection<Integer> coveredYears) {
        super("the office calendar has no data for " + year + " (it covers " + describe(coveredYears)
                + "), so it cannot count working days in " + year + "; add " + year
                + " from the State Council's notice (国务院办公厅关于" + year + "年部分节假日安排的通知)");
        this.year = year;
    }

    /** The year without data. */
    public int year() {
        return year;
    }

    private static String describe(Collection<Integer> years) {
        return years.isEmpty() ? "no year"
                : years.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
