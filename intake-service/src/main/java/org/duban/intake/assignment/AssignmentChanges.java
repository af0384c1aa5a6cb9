package org.duban.intake.assignment;

import java.util.Optional;
import java.util.function.Consumer;

import org.duban.platform.domain.Caller;
import org.duban.platform.domain.NotFound;

/**
 * The one way the use cases change a stored assignment: load it if the caller may see it — or, for what
 * a unit does, if the caller is its unit — (another unit's answers exactly like a missing one), let the aggregate change itself, store the new state
 * and its events in one write guarded by the version read.
 */
final class AssignmentChanges {

    private final Assignments assignments;

    AssignmentChanges(Assignments assignments) {
        this.assignments = assignments;
    }

    Assignment visible(Caller caller, String assignmentId) {
        return assignments.find(assignmentId)
                .filter(found -> caller.canSee(found.unitId()))
                .orElseThrow(() -> new NotFound("assignment", assignmentId));
    }

    /** The assignment if the caller is the unit it was given to (what a unit does is done on its own only). */
    Assignment own(Caller caller, String assignmentId) {
        return assignments.find(assignmentId)
                .filter(found -> caller.isUnit(found.unitId()))
                .orElseThrow(() -> new NotFound("assignment", assignmentId));
    }

    /** An office change (review, decision, cancellation) to an assignment the caller may see. */
    Assignment change(Caller caller, String assignmentId, Consumer<Assignment> change) {
        return apply(visible(caller, assignmentId), change);
    }

    /** A unit's change (acceptance, report, objection, request) to its own assignment. */
    Assignment changeOwn(Caller caller, String assignmentId, Consumer<Assignment> change) {
        return apply(own(caller, assignmentId), change);
    }

    private Assignment apply(Assignment assignment, Consumer<Assignment> change) {
        change.accept(assignment);
        store(assignment);
        return assignment;
    }

    void store(Assignment changed) {
        assignments.update(changed);
    }

    Optional<Assignment> find(String assignmentId) {
        return assignments.find(assignmentId);
    }

    void add(Assignment issued) {
        assignments.add(issued);
    }
}
