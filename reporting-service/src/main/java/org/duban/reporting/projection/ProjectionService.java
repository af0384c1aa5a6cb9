package org.duban.reporting.projection;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

import org.duban.contracts.events.AssignmentAccepted;
import org.duban.contracts.events.AssignmentIssued;
import org.duban.contracts.events.DubanEvent;

/**
 * Turns the services' events into the pre-aggregated counters the figures are read from. Days are
 * office-local ({@code Asia/Shanghai}): an assignment issued at 23:30 local time counts on that day.
 *
 * <p>Each effect is idempotent by construction — the assignment projection is an upsert of the same
 * facts, each counter increment names the fact it counts — so handling an event twice has one effect
 * even when the consumer's record of handled event ids was not written.
 */
public final class ProjectionService {

    private final IssuedAssignments assignments;
    private final DailyFigures figures;
    private final ZoneId officeZone;

    public ProjectionService(IssuedAssignments assignments, DailyFigures figures, ZoneId officeZone) {
        this.assignments = Objects.requireNonNull(assignments, "assignments");
        this.figures = Objects.requireNonNull(figures, "figures");
        this.officeZone = Objects.requireNonNull(officeZone, "officeZone");
    }

    /** Projects one event; types the figures do not use (yet) are ignored. */
    public void apply(DubanEvent event) {
        if (event instanceof AssignmentIssued issued) {
            issued(issued);
        } else if (event instanceof AssignmentAccepted accepted) {
            accepted(accepted);
        }
    }

    private void issued(AssignmentIssued event) {
        IssuedAssignment assignment = new IssuedAssignment(event.assignmentId(), event.caseId(), event.unitId(),
                AssignmentKind.valueOf(event.kind()), event.category(), event.prominent(), event.issuedAt(),
                officeDay(event.issuedAt()));
        assignments.save(assignment);
        Counter counter = assignment.kind() == AssignmentKind.ASSIGN ? Counter.ASSIGNMENTS_ISSUED : Counter.TRANSFERS_ISSUED;
        figures.add(countedOnIssueDay(assignment, counter));
    }

    /**
     * Counts an acceptance within the deadline against the day the assignment was issued: the
     * timely acceptance rate is "assignments issued in the period that were accepted in time ÷
     * assignments issued in the period". Transfers are not assignments in that sense (SPEC §6:
     * "assignments issued" are those of kind ASSIGN), so their acceptance is not counted there.
     */
    private void accepted(AssignmentAccepted event) {
        IssuedAssignment assignment = assignments.find(event.assignmentId())
                .orElseThrow(() -> new UnknownAssignment(event.assignmentId(), AssignmentAccepted.TYPE));
        if (event.withinDeadline() && assignment.kind() == AssignmentKind.ASSIGN) {
            figures.add(countedOnIssueDay(assignment, Counter.ACCEPTED_WITHIN_DEADLINE));
        }
    }

    private static Increment countedOnIssueDay(IssuedAssignment assignment, Counter counter) {
        return new Increment(assignment.issuedOn(), assignment.unitId(), counter, assignment.assignmentId());
    }

    private LocalDate officeDay(Instant instant) {
        return LocalDate.ofInstant(instant, officeZone);
    }
}
