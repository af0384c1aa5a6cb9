package org.duban.reporting.projection;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

import org.duban.contracts.events.AssignmentAccepted;
import org.duban.contracts.events.AssignmentConcluded;
import org.duban.contracts.events.AssignmentIssued;
import org.duban.contracts.events.AssignmentObjected;
import org.duban.contracts.events.AssignmentReviewed;
import org.duban.contracts.events.CaseRegistered;
import org.duban.contracts.events.DubanEvent;
import org.duban.contracts.events.EvaluationRecorded;
import org.duban.contracts.events.UnitRegistered;

/**
 * Turns the services' events into the pre-aggregated counters and the per-matter facts the figures
 * are read from. Days are office-local ({@code Asia/Shanghai}): an assignment issued at 23:30 local
 * time counts on that day. Intake's events are handled here; supervision's and notification's by
 * {@link SupervisionProjection}.
 *
 * <p>Each effect is idempotent by construction — the fact records are conditional upserts of the same
 * facts, each counter increment names the fact it counts — so handling an event twice has one effect
 * even when the consumer's record of handled event ids was not written.
 */
public final class ProjectionService {

    private final IssuedAssignments assignments;
    private final DailyFigures figures;
    private final Matters matters;
    private final Units units;
    private final SupervisionProjection supervision;
    private final ZoneId officeZone;

    public ProjectionService(IssuedAssignments assignments, DailyFigures figures, Matters matters, Units units,
            SupervisionProjection supervision, ZoneId officeZone) {
        this.assignments = Objects.requireNonNull(assignments, "assignments");
        this.figures = Objects.requireNonNull(figures, "figures");
        this.matters = Objects.requireNonNull(matters, "matters");
        this.units = Objects.requireNonNull(units, "units");
        this.supervision = Objects.requireNonNull(supervision, "supervision");
        this.officeZone = Objects.requireNonNull(officeZone, "officeZone");
    }

    /** Projects one event; types the figures do not use are passed to the next projection or ignored. */
    public void apply(DubanEvent event) {
        if (event instanceof AssignmentIssued issued) {
            issued(issued);
        } else if (event instanceof AssignmentAccepted accepted) {
            accepted(accepted);
        } else if (event instanceof AssignmentConcluded concluded) {
            concluded(concluded);
        } else if (event instanceof AssignmentReviewed reviewed) {
            reviewed(reviewed);
        } else if (event instanceof AssignmentObjected objected) {
            IssuedAssignment assignment = known(objected.assignmentId(), AssignmentObjected.TYPE);
            figures.add(counted(assignment, officeDay(objected.objectedAt()), Counter.OBJECTIONS));
        } else if (event instanceof CaseRegistered registered) {
            registered(registered);
        } else if (event instanceof EvaluationRecorded evaluation) {
            matters.evaluated(evaluation.caseId(), evaluation.evaluationId(), satisfied(evaluation.rating()),
                    evaluation.unrated(), evaluation.recordedAt(), officeDay(evaluation.recordedAt()));
        } else if (event instanceof UnitRegistered unit) {
            units.registered(unit.unitId(), unit.code(), unit.name());
        } else {
            supervision.apply(event);
        }
    }

    private void registered(CaseRegistered event) {
        matters.registered(event.caseId(), event.category(), event.prominent(), event.firstTime());
        if (event.repeatOfCaseId() != null) {
            matters.repeated(event.repeatOfCaseId(), event.registeredAt());
        }
    }

    private void issued(AssignmentIssued event) {
        IssuedAssignment assignment = new IssuedAssignment(event.assignmentId(), event.caseId(), event.unitId(),
                AssignmentKind.valueOf(event.kind()), event.category(), event.prominent(), event.issuedAt(),
                officeDay(event.issuedAt()));
        assignments.save(assignment);
        Counter counter = assignment.kind() == AssignmentKind.ASSIGN ? Counter.ASSIGNMENTS_ISSUED : Counter.TRANSFERS_ISSUED;
        figures.add(countedOnIssueDay(assignment, counter));
        matters.assignmentIssued(event.caseId(), event.unitId(), event.prominent(), event.issuedAt(), assignment.issuedOn());
    }

    /**
     * Counts an acceptance within the deadline against the day the assignment was issued: the
     * timely acceptance rate is "assignments issued in the period that were accepted in time ÷
     * assignments issued in the period". Transfers are not assignments in that sense (SPEC §6:
     * "assignments issued" are those of kind ASSIGN), so their acceptance is not counted there.
     */
    private void accepted(AssignmentAccepted event) {
        IssuedAssignment assignment = known(event.assignmentId(), AssignmentAccepted.TYPE);
        if (event.withinDeadline() && assignment.kind() == AssignmentKind.ASSIGN) {
            figures.add(countedOnIssueDay(assignment, Counter.ACCEPTED_WITHIN_DEADLINE));
        }
    }

    /** Counts on the day of the conclusion; the matter's first conclusion decides its own rates. */
    private void concluded(AssignmentConcluded event) {
        IssuedAssignment assignment = known(event.assignmentId(), AssignmentConcluded.TYPE);
        LocalDate day = officeDay(event.concludedAt());
        if (assignment.kind() == AssignmentKind.ASSIGN) {
            figures.add(counted(assignment, day, Counter.ASSIGNMENTS_CONCLUDED));
            if (event.onTime()) {
                figures.add(counted(assignment, day, Counter.CONCLUDED_ON_TIME));
            }
        } else {
            figures.add(counted(assignment, day, Counter.TRANSFERS_CONCLUDED));
        }
        matters.concluded(event.caseId(), assignment.unitId(), event.resolved(), event.concludedAt(), day);
    }

    private void reviewed(AssignmentReviewed event) {
        if ("SEND_BACK".equals(event.decision())) {
            IssuedAssignment assignment = known(event.assignmentId(), AssignmentReviewed.TYPE);
            figures.add(new Increment(officeDay(event.reviewedAt()), assignment.unitId(), assignment.category(),
                    Counter.SEND_BACKS, assignment.assignmentId() + "#" + event.sendBacks()));
        }
    }

    private IssuedAssignment known(String assignmentId, String eventType) {
        return assignments.find(assignmentId).orElseThrow(() -> new UnknownAssignment(assignmentId, eventType));
    }

    private static boolean satisfied(String rating) {
        return "SATISFIED".equals(rating) || "BASICALLY_SATISFIED".equals(rating);
    }

    private static Increment countedOnIssueDay(IssuedAssignment assignment, Counter counter) {
        return counted(assignment, assignment.issuedOn(), counter);
    }

    /** A fact about the assignment, counted once on the day, for its unit and category. */
    private static Increment counted(IssuedAssignment assignment, LocalDate day, Counter counter) {
        return new Increment(day, assignment.unitId(), assignment.category(), counter, assignment.assignmentId());
    }

    private LocalDate officeDay(Instant instant) {
        return LocalDate.ofInstant(instant, officeZone);
    }
}
