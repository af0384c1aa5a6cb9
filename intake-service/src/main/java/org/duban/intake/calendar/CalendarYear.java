package org.duban.intake.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One year of the office calendar, as the State Council's notice on that year's holidays
 * (国务院办公厅关于…年部分节假日安排的通知) sets it: the days off (放假, the 法定节假日 with the days
 * joined to them by 调休) and the weekend days that are working days (调休上班). Every other Monday to
 * Friday is a working day; every other Saturday and Sunday is not.
 *
 * @param year              the calendar year every listed date lies in
 * @param holidays          days off, weekends inside a holiday period included
 * @param makeUpWorkingDays Saturdays and Sundays that are working days
 * @param source            where the dates come from (the notice, its number and date)
 * @param provisional       computed from the law's public holidays and the weekends because the year's
 *                          notice is not there yet (暂定): no make-up working days, replaced by the notice
 */
public record CalendarYear(int year, SortedSet<LocalDate> holidays, SortedSet<LocalDate> makeUpWorkingDays,
        String source, boolean provisional) {

    /** An official year, as a State Council notice sets it. */
    public CalendarYear(int year, SortedSet<LocalDate> holidays, SortedSet<LocalDate> makeUpWorkingDays,
            String source) {
        this(year, holidays, makeUpWorkingDays, source, false);
    }

    /** A year computed from the statutory holidays alone, before its notice is out: no 调休 can be predicted. */
    public static CalendarYear provisional(int year, SortedSet<LocalDate> holidays, String source) {
        return new CalendarYear(year, holidays, new TreeSet<>(), source, true);
    }

    public CalendarYear {
        Objects.requireNonNull(holidays, "holidays");
        Objects.requireNonNull(makeUpWorkingDays, "makeUpWorkingDays");
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("the calendar of " + year + " must name its source (the notice it follows)");
        }
        holidays = Collections.unmodifiableSortedSet(new TreeSet<>(holidays));
        makeUpWorkingDays = Collections.unmodifiableSortedSet(new TreeSet<>(makeUpWorkingDays));
        for (LocalDate day : holidays) {
            requireIn(year, day, "holiday");
        }
        for (LocalDate day : makeUpWorkingDays) {
            requireIn(year, day, "make-up working day");
            if (!isWeekend(day)) {
                throw new IllegalArgumentException("make-up working day " + day + " is a " + day.getDayOfWeek()
                        + ": only a Saturday or Sunday can be made a working day (调休上班)");
            }
            if (holidays.contains(day)) {
                throw new IllegalArgumentException(day + " is listed both as a holiday and as a make-up working day");
            }
        }
    }

    /** True on a make-up working day and on a weekday that is not a day off. */
    public boolean isWorkingDay(LocalDate day) {
        if (day.getYear() != year) {
            throw new IllegalArgumentException(day + " does not lie in " + year);
        }
        if (makeUpWorkingDays.contains(day)) {
            return true;
        }
        return !holidays.contains(day) && !isWeekend(day);
    }

    private static void requireIn(int year, LocalDate day, String kind) {
        if (day.getYear() != year) {
            throw new IllegalArgumentException(kind + " " + day + " does not lie in " + year
                    + ": every date belongs to the calendar of its own year");
        }
    }

    private static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
