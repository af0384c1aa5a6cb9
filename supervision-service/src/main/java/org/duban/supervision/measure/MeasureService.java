package org.duban.supervision.measure;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.duban.platform.domain.Caller;
import org.duban.platform.domain.InvalidInput.FieldProblem;
import org.duban.platform.domain.InvalidInput;
import org.duban.platform.domain.NotFound;
import org.duban.platform.domain.Page;
import org.duban.platform.domain.PageRequest;
import org.duban.platform.domain.ReportedTimes;
import org.duban.platform.domain.Role;
import org.duban.supervision.deadline.Support;
import org.duban.supervision.deadline.TrackedAssignment;
import org.duban.supervision.deadline.TrackedAssignments;
import org.duban.supervision.deadline.UnitScope;
import org.duban.supervision.measure.MeasureSnapshot.Concerns;
import org.duban.supervision.order.SupervisionOrder;
import org.duban.supervision.order.SupervisionOrders;

/**
 * Accountability measures: a supervisor issues one to a unit (checked: a due date exactly for what
 * asks a submission, a schedule exactly for an interview, both in the future; the assignment or order
 * it is tied to must be that unit's); the unit submits; a supervisor records an interview as held.
 * A unit sees only its own; any other answers 404.
 */
public final class MeasureService {

    private final Measures measures;
    private final TrackedAssignments assignments;
    private final SupervisionOrders orders;
    private final Support support;
    private final ReportedTimes reportedTimes;

    public MeasureService(Measures measures, TrackedAssignments assignments, SupervisionOrders orders, Support support,
            ReportedTimes reportedTimes) {
        this.measures = measures;
        this.assignments = assignments;
        this.orders = orders;
        this.support = support;
        this.reportedTimes = reportedTimes;
    }

    public Measure issue(Caller caller, IssueMeasure request, String idempotencyKey) {
        caller.require(Role.SUPERVISOR);
        Instant now = support.now();
        List<FieldProblem> problems = new ArrayList<>();
        MeasureKind kind = request.kind();
        checkInstant(problems, "dueAt", request.dueAt(), kind.asksForSubmission(), now, kind);
        checkInstant(problems, "scheduledAt", request.scheduledAt(), kind.isScheduled(), now, kind);
        String caseId = null;
        if (request.assignmentId() != null) {
            TrackedAssignment assignment = assignments.find(request.assignmentId())
                    .filter(TrackedAssignment::issueSeen).orElse(null);
            if (assignment == null || !assignment.unitId().equals(request.unitId())) {
                problems.add(new FieldProblem("assignmentId", "no assignment " + request.assignmentId()
                        + " of unit " + request.unitId() + " is known"));
            } else {
                caseId = assignment.caseId();
            }
        }
        if (request.supervisionId() != null) {
            SupervisionOrder order = orders.find(request.supervisionId()).orElse(null);
            if (order == null || !order.unitId().equals(request.unitId())) {
                problems.add(new FieldProblem("supervisionId", "no supervision order " + request.supervisionId()
                        + " of unit " + request.unitId() + " is known"));
            } else if (caseId == null) {
                caseId = order.caseId();
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        String matter = caseId;
        return support.createOnce(caller, "issue-measure", idempotencyKey, request, measures,
                id -> Measure.issue(id, kind, new Concerns(request.unitId(), request.assignmentId(), matter,
                        request.supervisionId()), request.reason(), millis(request.dueAt()),
                        millis(request.scheduledAt()), now, caller.asActor()));
    }

    public Page<Measure> list(Caller caller, String unitId, MeasureKind kind, MeasureStatus status, PageRequest page) {
        caller.require(Role.SUPERVISOR, Role.LEADER, Role.UNIT);
        return UnitScope.of(caller, unitId).list(page, scope -> measures.list(scope.unitId(), kind, status, page));
    }

    public Measure get(Caller caller, String id) {
        caller.require(Role.SUPERVISOR, Role.LEADER, Role.UNIT);
        return visible(caller, id);
    }

    public Measure submit(Caller caller, String id, String text) {
        caller.require(Role.UNIT);
        Measure measure = measures.find(id).filter(found -> caller.isUnit(found.unitId()))
                .orElseThrow(() -> new NotFound(Measure.WHAT, id));
        measure.submit(text, support.now(), caller.asActor());
        return store(measure);
    }

    /**
     * A supervisor records the interview as held. {@code heldAt} is a time a person gives: judged with the
     * clock-skew tolerance and at the precision it was given in, it may not lie before the measure was
     * issued nor in the future.
     */
    public Measure record(Caller caller, String id, Instant heldAt, String minutes) {
        caller.require(Role.SUPERVISOR);
        Instant now = support.now();
        Measure measure = visible(caller, id);
        reportedTimes.require("heldAt", heldAt, "the measure was issued", measure.issuedAt(), now);
        measure.record(millis(heldAt), minutes, now, caller.asActor());
        return store(measure);
    }

    private static void checkInstant(List<FieldProblem> problems, String field, Instant value, boolean required,
            Instant now, MeasureKind kind) {
        if (required && value == null) {
            problems.add(new FieldProblem(field, "is required for " + kind));
        } else if (!required && value != null) {
            problems.add(new FieldProblem(field, "does not apply to " + kind));
        } else if (value != null && !value.isAfter(now)) {
            problems.add(new FieldProblem(field, "must be in the future"));
        }
    }

    private Measure visible(Caller caller, String id) {
        return measures.find(id).filter(measure -> caller.canSee(measure.unitId()))
                .orElseThrow(() -> new NotFound(Measure.WHAT, id));
    }

    private Measure store(Measure measure) {
        return measures.store(measure, Measure.WHAT, "apply this change");
    }

    private static Instant millis(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
