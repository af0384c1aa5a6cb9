package org.duban.intake.assignment;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

import org.duban.intake.calendar.CalendarYearNotCovered;
import org.duban.intake.calendar.DayCounting;
import org.duban.intake.calendar.OfficeCalendar;

/**
 * The office's default deadlines (SPEC §3), counted from the day of issue in the office's time zone: a
 * deadline of N days ends at the end (local midnight) of the N-th day after that day, the day of issue
 * not counted. Acceptance and result deadlines count calendar days or the office calendar's working
 * days, as {@code dayCounting} says; the objection deadline always counts working days (SPEC §2).
 * Counting working days into a year the calendar has no data for is refused, never guessed.
 */
public record DeadlinePolicy(int acceptanceDays, int assignResultDays, int transferResultDays, ZoneId zone,
        DayCounting dayCounting, int objectionWorkingDays, OfficeCalendar calendar) {

    public DeadlinePolicy {
        if (acceptanceDays < 1 || assignResultDays <= acceptanceDays || transferResultDays <= acceptanceDays) {
            throw new IllegalArgumentException("deadline days must be positive and results after acceptance");
        }
        if (objectionWorkingDays < 1) {
            throw new IllegalArgumentException("objection working days must be positive");
        }
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(dayCounting, "dayCounting");
        Objects.requireNonNull(calendar, "calendar");
    }

    /**
     * Calendar days, 5 working days to object, and a calendar without data: for callers that never count
     * working days ({@link #objectionDueAt} refuses every year).
     */
    public DeadlinePolicy(int acceptanceDays, int assignResultDays, int transferResultDays, ZoneId zone) {
        this(acceptanceDays, assignResultDays, transferResultDays, zone, DayCounting.CALENDAR_DAYS, 5,
                OfficeCalendar.withoutData());
    }

    /** The deadlines for an assignment issued {@code now}; {@code requestedDueAt} overrides the result deadline. */
    public Deadlines deadlinesFor(AssignmentKind kind, Instant now, Instant requestedDueAt) {
        Instant acceptance = endOfDay(now, acceptanceDays, dayCounting);
        Instant result = requestedDueAt != null ? requestedDueAt
                : endOfDay(now, kind == AssignmentKind.ASSIGN ? assignResultDays : transferResultDays, dayCounting);
        return new Deadlines(now, acceptance, result, objectionDueAt(now));
    }

    /**
     * By when the unit may object to an assignment issued at {@code assignedAt} (异议退回, 条例第23条): the
     * end of the {@code objectionWorkingDays}-th working day after the day of issue, whatever the day
     * counting of the other deadlines.
     *
     * <p>The State Council publishes a year's holiday arrangement only weeks before the year begins. An
     * objection window reaching into a year the office has not added yet counts Monday to Friday there
     * rather than refusing the assignment (start-up warns while a year is missing); every other
     * working-day deadline is refused instead, because the office chose working days for those.
     */
    public Instant objectionDueAt(Instant assignedAt) {
        LocalDate issued = assignedAt.atZone(zone).toLocalDate();
        LocalDate last;
        try {
            last = calendar.plusWorkingDays(issued, objectionWorkingDays);
        } catch (CalendarYearNotCovered e) {
            last = plusWeekdays(issued, objectionWorkingDays);
        }
        return last.plusDays(1).atStartOfDay(zone).toInstant();
    }

    private static LocalDate plusWeekdays(LocalDate from, int days) {
        LocalDate day = from;
        for (int counted = 0; counted < days; ) {
            day = day.plusDays(1);
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                counted++;
            }
        }
        return day;
    }

    private Instant endOfDay(Instant from, int days, DayCounting counting) {
        LocalDate day = calendar.plusDays(from.atZone(zone).toLocalDate(), days, counting);
        return day.plusDays(1).atStartOfDay(zone).toInstant();
    }
}
