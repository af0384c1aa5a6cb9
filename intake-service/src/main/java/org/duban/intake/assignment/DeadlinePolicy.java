package org.duban.intake.assignment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The office's default deadlines (SPEC §3), in calendar days counted from the day of issue in the
 * office's time zone: a deadline of N days ends at the end (local midnight) of the N-th day after
 * that day. Working-day counting from the office calendar comes with the intake issue (#3).
 */
public record DeadlinePolicy(int acceptanceDays, int assignResultDays, int transferResultDays, ZoneId zone) {

    public DeadlinePolicy {
        if (acceptanceDays < 1 || assignResultDays <= acceptanceDays || transferResultDays <= acceptanceDays) {
            throw new IllegalArgumentException("deadline days must be positive and results after acceptance");
        }
    }

    /** The deadlines for an assignment issued {@code now}; {@code requestedDueAt} overrides the result deadline. */
    public Deadlines deadlinesFor(AssignmentKind kind, Instant now, Instant requestedDueAt) {
        Instant acceptance = endOfDay(now, acceptanceDays);
        Instant result = requestedDueAt != null ? requestedDueAt
                : endOfDay(now, kind == AssignmentKind.ASSIGN ? assignResultDays : transferResultDays);
        Instant objection = objectionDue(now);
        return new Deadlines(now, acceptance, result, objection);
    }

    /** The objection window (异议退回): 5 calendar days, to the end of the office-local day. */
    private Instant objectionDue(Instant now) {
        return endOfDay(now, 5);
    }

    private Instant endOfDay(Instant from, int days) {
        LocalDate day = from.atZone(zone).toLocalDate().plusDays(days);
        return day.plusDays(1).atStartOfDay(zone).toInstant();
    }
}
