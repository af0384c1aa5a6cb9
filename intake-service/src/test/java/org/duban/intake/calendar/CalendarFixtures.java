package org.duban.intake.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

import org.duban.intake.calendar.files.CalendarYearFiles;
import org.duban.intake.calendar.statutory.StatutoryHolidays;

/**
 * Office calendars for tests, typed from the State Council's notices on the 2025 and 2026 holidays
 * (independently of the shipped year files, which {@code ShippedCalendarYearsTest} checks).
 */
public final class CalendarFixtures {

    private CalendarFixtures() {
    }

    /** 2025 and 2026 as the notices set them; 2027 has no data. */
    public static OfficeCalendar calendar2025And2026() {
        return new OfficeCalendar(List.of(year2025(), year2026()));
    }

    /**
     * The year files shipped in the jar (2024–2026), every other year computed from the statutory
     * holidays and marked provisional, as the service runs.
     */
    public static OfficeCalendar shippedWithProvisionalYears() {
        OfficeCalendar shipped = CalendarYearFiles.load(null);
        return new OfficeCalendar(shipped.coveredYears().stream().map(year -> shipped.year(year).orElseThrow())
                .toList(), StatutoryHolidays::provisionalYear);
    }

    /** Only 2025. */
    public static OfficeCalendar calendar2025() {
        return new OfficeCalendar(List.of(year2025()));
    }

    public static CalendarYear year2025() {
        return new CalendarYear(2025,
                days("2025-01-01", "2025-01-28..2025-02-04", "2025-04-04..2025-04-06", "2025-05-01..2025-05-05",
                        "2025-05-31..2025-06-02", "2025-10-01..2025-10-08"),
                days("2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"),
                "国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）");
    }

    public static CalendarYear year2026() {
        return new CalendarYear(2026,
                days("2026-01-01..2026-01-03", "2026-02-15..2026-02-23", "2026-04-04..2026-04-06",
                        "2026-05-01..2026-05-05", "2026-06-19..2026-06-21", "2026-09-25..2026-09-27",
                        "2026-10-01..2026-10-07"),
                days("2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"),
                "国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）");
    }

    /** Dates and inclusive ranges ({@code first..last}). */
    public static SortedSet<LocalDate> days(String... entries) {
        SortedSet<LocalDate> days = new TreeSet<>();
        for (String entry : entries) {
            String[] ends = entry.split("\\.\\.");
            LocalDate last = LocalDate.parse(ends[ends.length - 1]);
            for (LocalDate day = LocalDate.parse(ends[0]); !day.isAfter(last); day = day.plusDays(1)) {
                days.add(day);
            }
        }
        return days;
    }
}
