package org.duban.intake.assignment;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.duban.intake.cases.CaseService;
import org.duban.intake.cases.PetitionCase;
import org.duban.intake.unit.UnitService;
import org.duban.platform.domain.Caller;
import org.duban.platform.domain.Conflict;
import org.duban.platform.domain.InvalidInput;
import org.duban.platform.domain.Role;

/** A supervisor's decisions on assignments: objections, extensions, final reports, cancellation. */
public final class AssignmentReviews {

    private final AssignmentChanges changes;
    private final CaseService cases;
    private final UnitService units;
    private final AssignmentService.AssignmentSupport support;

    public AssignmentReviews(Assignments assignments, CaseService cases, UnitService units,
            AssignmentService.AssignmentSupport support) {
        this.changes = new AssignmentChanges(assignments);
        this.cases = cases;
        this.units = units;
        this.support = support;
    }

    /**
     * Rejected, the unit must handle the matter; upheld, the matter is assigned anew to
     * {@code reassignToUnitId} (a registered unit, not the objecting one, not one the matter accuses)
     * and this assignment is cancelled. The two assignments are two writes: the decision first.
     */
    public Assignment decideObjection(Caller caller, String assignmentId, boolean upheld, String reassignToUnitId) {
        caller.require(Role.SUPERVISOR);
        Assignment assignment = changes.visible(caller, assignmentId);
        Instant now = now();
        if (!upheld) {
            if (reassignToUnitId != null) {
                throw new InvalidInput("reassignToUnitId", "is only for an upheld objection");
            }
            assignment.decideObjection(caller, false, null, now);
            changes.store(assignment);
            return assignment;
        }
        String reassignedId = reassignmentOf(assignmentId);
        assignment.decideObjection(caller, true, reassignToUnitId == null ? null : reassignedId, now);
        PetitionCase matter = cases.find(assignment.caseId());
        requireOtherEligibleUnit(matter, assignment, reassignToUnitId);
        AssignmentSnapshot old = assignment.snapshot();
        Assignment reassigned = Assignment.issue(reassignedId,
                Assignment.IssuedMatter.of(matter),
                reassignToUnitId, old.kind(), support.policy().deadlinesFor(old.kind(), now, null),
                old.instructions(), caller);
        // Two documents, two writes, no transaction: the new assignment goes first, under an id that
        // follows from the old one. A decision retried after a crash between the writes finds it and
        // completes the second write; it never issues a second assignment, and nothing is lost.
        try {
            changes.add(reassigned);
        } catch (Assignments.AlreadyStored e) {
            Assignment earlier = changes.find(reassignedId).orElseThrow(() -> e);
            if (!earlier.unitId().equals(reassignToUnitId)) {
                throw new Conflict("assignment " + assignmentId + " is already being reassigned to unit "
                        + earlier.unitId());
            }
        }
        changes.store(assignment);
        return assignment;
    }

    /** The id of the assignment that replaces {@code assignmentId} when an objection to it is upheld. */
    public static String reassignmentOf(String assignmentId) {
        return UUID.nameUUIDFromBytes(("reassignment of " + assignmentId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** Approved, the result deadline moves by the days asked. */
    public Assignment decideExtension(Caller caller, String assignmentId, String extensionId, boolean approved,
            String note) {
        caller.require(Role.SUPERVISOR);
        return changes.change(caller, assignmentId,
                assignment -> assignment.decideExtension(caller, extensionId, approved, note, now()));
    }

    /** APPROVE concludes the 交办; SEND_BACK (退回重办) reopens it with {@code newDueAt}. */
    public Assignment review(Caller caller, String assignmentId, ReviewDecision decision, String reason,
            Instant newDueAt) {
        caller.require(Role.SUPERVISOR);
        return changes.change(caller, assignmentId,
                assignment -> assignment.review(caller, decision, reason, newDueAt, now()));
    }

    /** Cancels an open assignment. */
    public Assignment cancel(Caller caller, String assignmentId, String reason) {
        caller.require(Role.SUPERVISOR);
        return changes.change(caller, assignmentId, assignment -> assignment.cancel(caller, reason, now()));
    }

    private void requireOtherEligibleUnit(PetitionCase matter, Assignment assignment, String unitId) {
        if (unitId.equals(assignment.unitId())) {
            throw new InvalidInput("reassignToUnitId", "must be another unit than the one that objected");
        }
        if (units.unknown(List.of(unitId)).size() == 1) {
            throw new InvalidInput("reassignToUnitId", "not a registered unit: " + unitId);
        }
        if (matter.accuses(unitId)) {
            throw new Conflict("case " + matter.id() + " accuses unit " + unitId
                    + ": a whistleblowing matter is never sent to a unit it accuses");
        }
    }

    private Instant now() {
        return support.clock().instant();
    }
}
