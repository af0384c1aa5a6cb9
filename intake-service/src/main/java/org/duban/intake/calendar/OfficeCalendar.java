package org.duban.intake.calendar;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.IntFunction;

/**
 * The office's working days, year by year: weekends and holidays off, make-up working days (调休上班)
 * on. Dates are days in the office's time zone. A year without official data is taken from
 * {@code provisionalYears} (computed from the statutory holidays and marked provisional) when the
 * calendar has that source; without one, counting working days there is refused with
 * {@link CalendarYearNotCovered}. Counting calendar days needs no data at all.
 */
public final class OfficeCalendar {

    private final SortedMap<Integer, CalendarYear> years;
    private final IntFunction<CalendarYear> provisionalYears;
    private final ConcurrentMap<Integer, CalendarYear> computed = new ConcurrentHashMap<>();

    /** Only the given years: working days elsewhere are refused. */
    public OfficeCalendar(Collection<CalendarYear> years) {
        this(years, null);
    }

    /** The given (official) years, and every other year from {@code provisionalYears}. */
    public OfficeCalendar(Collection<CalendarYear> years, IntFunction<CalendarYear> provisionalYears) {
        SortedMap<Integer, CalendarYear> byYear = new TreeMap<>();
        for (CalendarYear year : years) {
            if (byYear.put(year.year(), year) != null) {
                throw new IllegalArgumentException("the calendar of " + year.year() + " is given twice");
            }
        }
        this.years = Collections.unmodifiableSortedMap(byYear);
        this.provisionalYears = provisionalYears;
    }

    /** A calendar that knows no year: it counts calendar days and refuses every working-day question. */
    public static OfficeCalendar withoutData() {
        return new OfficeCalendar(List.of());
    }

    /** The years this calendar has official data for. */
    public SortedSet<Integer> coveredYears() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(years.keySet()));
    }

    /** Whether {@code year} has official data (a year file). */
    public boolean covers(int year) {
        return years.containsKey(year);
    }

    /** The year's official data, if any. */
    public Optional<CalendarYear> year(int year) {
        return Optional.ofNullable(years.get(year));
    }

    /** Whether working days in {@code year} are counted on a provisional (computed) year. */
    public boolean isProvisional(int year) {
        return !covers(year) && provisionalYears != null;
    }

    /**
     * The day {@code days} days after {@code from}, counted as {@code counting} says, and whether a
     * provisional year was counted through to reach it (only working days can be).
     */
    public CountedDay count(LocalDate from, int days, DayCounting counting) {
        LocalDate day = plusDays(from, days, counting);
        boolean provisional = false;
        if (counting == DayCounting.WORKING_DAYS) {
            for (int year = from.plusDays(1).getYear(); year <= day.getYear() && !provisional; year++) {
                provisional = isProvisional(year);
            }
        }
        return new CountedDay(day, provisional);
    }

    /** A counted day, and whether a provisional calendar year was counted through to reach it. */
    public record CountedDay(LocalDate day, boolean provisional) {
    }

    /** True on a working day; refused for a day in a year without data. */
    public boolean isWorkingDay(LocalDate day) {
        return covered(day.getYear()).isWorkingDay(day);
    }

    /**
     * The {@code days}-th working day after {@code from}; {@code from} itself is never counted, whether
     * or not it is a working day. Zero days give {@code from}.
     */
    public LocalDate plusWorkingDays(LocalDate from, int days) {
        Objects.requireNonNull(from, "from");
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative: " + days);
        }
        LocalDate day = from;
        for (int counted = 0; counted < days; ) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /** The day {@code days} days after {@code from}, counted as {@code counting} says. */
    public LocalDate plusDays(LocalDate from, int days, DayCounting counting) {
        Objects.requireNonNull(counting, "counting");
        return switch (counting) {
            case CALENDAR_DAYS -> plusCalendarDays(from, days);
            case WORKING_DAYS -> plusWorkingDays(from, days);
        };
    }

    private static LocalDate plusCalendarDays(LocalDate from, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative: " + days);
        }
        return from.plusDays(days);
    }

    /**
     * The working days after {@code start} up to and including {@code end}, so that
     * {@code workingDaysBetween(d, plusWorkingDays(d, n)) == n}; negative when {@code end} lies before
     * {@code start}, like {@link java.time.temporal.ChronoUnit#between}.
     */
    public long workingDaysBetween(LocalDate start, LocalDate end) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            return -workingDaysBetween(end, start);
        }
        long count = 0;
        for (LocalDate day = start.plusDays(1); !day.isAfter(end); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    private CalendarYear covered(int year) {
        CalendarYear data = years.get(year);
        if (data != null) {
            return data;
        }
        if (provisionalYears == null) {
            throw new CalendarYearNotCovered(year, years.keySet());
        }
        return computed.computeIfAbsent(year, provisionalYears::apply);
    }

    @Override
    public String toString() {
        return "OfficeCalendar" + years.keySet();
    }
}
