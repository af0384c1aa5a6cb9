package org.duban.console.statistics;

import java.time.LocalDate;
import java.util.List;

/**
 * The office-local days {@code [from, to)} figures are counted over, as the API takes them: {@code to} is
 * the day after the last day counted. People read a period by its last day, so pages show {@link #lastDay()}.
 */
record Period(LocalDate from, LocalDate to) {

    /** 本年: from 1 January up to and including today (the page's default). */
    static Period thisYear(LocalDate today) {
        return new Period(today.withDayOfYear(1), today.plusDays(1));
    }

    /** 上年: the whole of last year. */
    static Period lastYear(LocalDate today) {
        LocalDate start = today.withDayOfYear(1);
        return new Period(start.minusYears(1), start);
    }

    /** 本月: from the first of this month up to and including today. */
    static Period thisMonth(LocalDate today) {
        return new Period(today.withDayOfMonth(1), today.plusDays(1));
    }

    /** 上月: the whole of last month. */
    static Period lastMonth(LocalDate today) {
        LocalDate start = today.withDayOfMonth(1);
        return new Period(start.minusMonths(1), start);
    }

    /** The quick choices offered beside the period form, by their message key. */
    static List<Choice> choices(LocalDate today) {
        return List.of(new Choice("statistics.period.thisYear", thisYear(today)),
                new Choice("statistics.period.lastYear", lastYear(today)),
                new Choice("statistics.period.thisMonth", thisMonth(today)),
                new Choice("statistics.period.lastMonth", lastMonth(today)));
    }

    /** The last day counted. */
    public LocalDate lastDay() {
        return to.minusDays(1);
    }

    /** The year the monthly charts show: the year of {@code from}. */
    public int year() {
        return from.getYear();
    }

    /** Exactly one calendar year, the span the annual report covers. */
    boolean wholeYear() {
        return from.getDayOfYear() == 1 && to.equals(from.plusYears(1));
    }

    /** A quick choice of period. */
    record Choice(String key, Period period) {
    }
}
