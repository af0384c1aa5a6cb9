package org.duban.reporting.projection;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.duban.contracts.events.Actor;
import org.duban.contracts.events.AssignmentAccepted;
import org.duban.contracts.events.AssignmentIssued;

/** Events as intake publishes them, on days and at hours that matter to the office-local day. */
public final class ProjectionFixtures {

    public static final ZoneId OFFICE_ZONE = ZoneId.of("Asia/Shanghai");
    public static final Duration ACCEPTANCE_DAYS = Duration.ofDays(15);
    public static final Duration RESULT_DAYS = Duration.ofDays(60);

    private static final Actor SUPERVISOR = new Actor("zhang.wei", "SUPERVISOR", null);

    private ProjectionFixtures() {
    }

    /** The instant of an office-local day and hour, e.g. {@code officeTime(2026-03-02, 23, 30)}. */
    public static Instant officeTime(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).atZone(OFFICE_ZONE).toInstant();
    }

    /** 交办 issued at {@code issuedAt}. */
    public static AssignmentIssued assigned(String assignmentId, String unitId, Instant issuedAt) {
        return issued(assignmentId, unitId, "ASSIGN", issuedAt);
    }

    /** 转送 issued at {@code issuedAt}. */
    public static AssignmentIssued transferred(String assignmentId, String unitId, Instant issuedAt) {
        return issued(assignmentId, unitId, "TRANSFER", issuedAt);
    }

    public static AssignmentAccepted acceptedInTime(AssignmentIssued issued, Instant acceptedAt) {
        return accepted(issued, acceptedAt, true);
    }

    public static AssignmentAccepted acceptedLate(AssignmentIssued issued, Instant acceptedAt) {
        return accepted(issued, acceptedAt, false);
    }

    private static AssignmentIssued issued(String assignmentId, String unitId, String kind, Instant issuedAt) {
        return new AssignmentIssued(assignmentId, "case-of-" + assignmentId, unitId, kind, "REAL_ESTATE", false,
                issuedAt, issuedAt.plus(ACCEPTANCE_DAYS), issuedAt.plus(RESULT_DAYS), SUPERVISOR);
    }

    private static AssignmentAccepted accepted(AssignmentIssued issued, Instant acceptedAt, boolean withinDeadline) {
        return new AssignmentAccepted(issued.assignmentId(), issued.caseId(), issued.unitId(), acceptedAt, acceptedAt,
                withinDeadline, new Actor("li.na", "UNIT", issued.unitId()));
    }
}
