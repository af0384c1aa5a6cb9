package org.duban.intake.assignment;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.duban.intake.cases.CaseService;
import org.duban.intake.cases.PetitionCase;
import org.duban.intake.unit.UnitService;
import org.duban.platform.domain.Caller;
import org.duban.platform.domain.ClockSkewTolerance;
import org.duban.platform.domain.Conflict;
import org.duban.platform.domain.InvalidInput;
import org.duban.platform.domain.Page;
import org.duban.platform.domain.PageRequest;
import org.duban.platform.domain.ReportedTimes;
import org.duban.platform.domain.Role;
import org.duban.platform.idempotency.IdempotentCreations;

/**
 * Issuing assignments, reading them, and the unit signing for one. The unit's further answers are
 * {@link AssignmentAnswers}; the supervisor's decisions {@link AssignmentReviews}.
 */
public final class AssignmentService {

    private final Assignments assignments;
    private final CaseService cases;
    private final UnitService units;
    private final AssignmentSupport support;
    private final AssignmentChanges changes;

    public AssignmentService(Assignments assignments, CaseService cases, UnitService units, AssignmentSupport support) {
        this.assignments = assignments;
        this.cases = cases;
        this.units = units;
        this.support = support;
        this.changes = new AssignmentChanges(assignments);
    }

    /**
     * Assigns (交办) or transfers (转送) a matter to a unit (supervisor). A whistleblowing matter is
     * never sent to a unit it accuses. Answered with the matter's title as read for the checks (no second read).
     */
    public TitledAssignment issue(Caller caller, IssueAssignment request, String idempotencyKey) {
        caller.require(Role.SUPERVISOR);
        PetitionCase matter = cases.find(request.caseId());
        if (units.unknown(List.of(request.unitId())).size() == 1) {
            throw new InvalidInput("unitId", "not a registered unit: " + request.unitId());
        }
        if (matter.accuses(request.unitId())) {
            throw new Conflict("case " + matter.id() + " accuses unit " + request.unitId()
                    + ": a whistleblowing matter is never sent to a unit it accuses");
        }
        Assignment issued = support.creations().create(caller, "issue-assignment", idempotencyKey, request, id -> {
            Deadlines deadlines = support.policy().deadlinesFor(request.kind(), support.clock().instant(),
                    request.dueAt());
            Assignment assignment = Assignment.issue(id,
                    Assignment.IssuedMatter.of(matter),
                    request.unitId(), request.kind(), deadlines, request.instructions(), caller);
            changes.add(assignment);
            return assignment;
        }, assignments::find);
        return new TitledAssignment(issued, matter.details().title());
    }

    /** The unit signs for its assignment and records the acceptance notice (unit). */
    public Assignment accept(Caller caller, String assignmentId, Instant noticeSentAt) {
        caller.require(Role.UNIT);
        return changes.changeOwn(caller, assignmentId,
                assignment -> assignment.accept(caller, noticeSentAt, support.clock().instant(),
                        support.reportedTimes()));
    }

    /** One assignment: office staff see all, a unit only its own (another unit's answers as missing). */
    public TitledAssignment get(Caller caller, String assignmentId) {
        caller.require(Role.SUPERVISOR, Role.LEADER, Role.UNIT);
        return titled(changes.visible(caller, assignmentId));
    }

    /**
     * Newest first, narrowed by {@code filter}, each with its matter's title (read for the whole page
     * at once); a unit always gets only its own, whatever {@code unitId} it asks for.
     */
    public Page<TitledAssignment> list(Caller caller, AssignmentFilter filter, PageRequest page) {
        caller.require(Role.SUPERVISOR, Role.LEADER, Role.UNIT);
        Page<Assignment> found = assignments.list(caller.seesAllUnits() ? filter : filter.ofUnit(caller.unitId()),
                page);
        Map<String, String> titles = cases.titles(found.items().stream().map(Assignment::caseId).distinct().toList());
        return found.map(assignment -> new TitledAssignment(assignment, titles.get(assignment.caseId())));
    }

    /** The assignment with its matter's title: how an answer shows an assignment a use case returned. */
    public TitledAssignment titled(Assignment assignment) {
        return new TitledAssignment(assignment, cases.titles(List.of(assignment.caseId())).get(assignment.caseId()));
    }

    /**
     * What the use cases need besides the stores: ids, deadlines policy, the clock, and how times the units
     * report are judged (clock-skew tolerance, the office's zone).
     */
    public record AssignmentSupport(IdempotentCreations creations, DeadlinePolicy policy, Clock clock,
            ReportedTimes reportedTimes) {

        /** With the default clock-skew tolerance, reported times read in the policy's zone. */
        public AssignmentSupport(IdempotentCreations creations, DeadlinePolicy policy, Clock clock) {
            this(creations, policy, clock, new ReportedTimes(ClockSkewTolerance.DEFAULT, policy.zone()));
        }
    }
}
