package org.duban.intake.assignment;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import org.duban.intake.calendar.CalendarYearNotCovered;
import org.duban.intake.calendar.DayCounting;
import org.duban.intake.calendar.OfficeCalendar;
import org.duban.intake.calendar.OfficeCalendar.CountedDay;
import org.duban.platform.domain.InvalidInput;

/**
 * The office's default deadlines (SPEC §3), counted from the day of issue in the office's time zone: a
 * deadline of N days ends at the end (local midnight) of the N-th day after that day, the day of issue
 * not counted. Acceptance and result deadlines count calendar days or the office calendar's working
 * days, as {@code dayCounting} says; the objection deadline always counts working days (SPEC §2).
 * A year without the State Council's notice is counted on the calendar's provisional year (statutory
 * holidays and weekends), and the deadlines counted through it say so ({@link Deadlines#provisional}).
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

    /**
     * The deadlines for an assignment issued {@code now}. {@code requestedDueAt}, the supervisor's own
     * result deadline, replaces the policy's and may be any instant after {@code now}: an urgent
     * assignment (急件) due before the acceptance period ends must be accepted by its result deadline.
     */
    public Deadlines deadlinesFor(AssignmentKind kind, Instant now, Instant requestedDueAt) {
        if (requestedDueAt != null && !requestedDueAt.isAfter(now)) {
            throw new InvalidInput("dueAt", "must lie after the issue time " + now);
        }
        Set<DeadlineKind> provisional = EnumSet.noneOf(DeadlineKind.class);
        Instant result = requestedDueAt;
        if (result == null) {
            Counted policyResult = endOfDay(now, kind == AssignmentKind.ASSIGN ? assignResultDays : transferResultDays,
                    dayCounting);
            result = policyResult.at();
            if (policyResult.provisional()) {
                provisional.add(DeadlineKind.RESULT);
            }
        }
        Counted acceptance = endOfDay(now, acceptanceDays, dayCounting);
        Instant acceptanceDueAt = result;
        if (!acceptance.at().isAfter(result)) {
            acceptanceDueAt = acceptance.at();
            if (acceptance.provisional()) {
                provisional.add(DeadlineKind.ACCEPTANCE);
            }
        }
        Counted objection = objection(now);
        if (objection.provisional()) {
            provisional.add(DeadlineKind.OBJECTION);
        }
        return new Deadlines(now, acceptanceDueAt, result, objection.at(), provisional);
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
        return objection(assignedAt).at();
    }

    private Counted objection(Instant assignedAt) {
        LocalDate issued = assignedAt.atZone(zone).toLocalDate();
        CountedDay last;
        try {
            last = calendar.count(issued, objectionWorkingDays, DayCounting.WORKING_DAYS);
        } catch (CalendarYearNotCovered e) {
            // only a calendar without provisional years (tests, or no data at all) gets here
            last = new CountedDay(plusWeekdays(issued, objectionWorkingDays), false);
        }
        return new Counted(endOf(last.day()), last.provisional());
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

    private Counted endOfDay(Instant from, int days, DayCounting counting) {
        CountedDay day = calendar.count(from.atZone(zone).toLocalDate(), days, counting);
        return new Counted(endOf(day.day()), day.provisional());
    }

    private Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** The end of a counted day, and whether it was counted through a provisional year. */
    private record Counted(Instant at, boolean provisional) {
    }
}
