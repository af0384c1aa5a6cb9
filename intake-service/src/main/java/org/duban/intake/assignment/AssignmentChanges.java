package org.duban.intake.assignment;

import java.util.Optional;
import java.util.function.Consumer;

import org.duban.platform.domain.Caller;
import org.duban.platform.domain.NotFound;

/**
 * The one way the use cases change a stored assignment: load it if the caller may see it (another
 * unit's answers exactly like a missing one), let the aggregate change itself, store the new state
 * and its events in one write guarded by the version read.
 */
final class AssignmentChanges {

    private final Assignments assignments;
    private final AssignmentService.AssignmentSupport support;

    AssignmentChanges(Assignments assignments, AssignmentService.AssignmentSupport support) {
        this.assignments = assignments;
        this.support = support;
    }

    Assignment visible(Caller caller, String assignmentId) {
        return assignments.find(assignmentId)
                .filter(found -> caller.canSee(found.unitId()))
                .orElseThrow(() -> new NotFound("assignment", assignmentId));
    }

    Assignment change(Caller caller, String assignmentId, Consumer<Assignment> change) {
        Assignment assignment = visible(caller, assignmentId);
        change.accept(assignment);
        store(assignment);
        return assignment;
    }

    void store(Assignment changed) {
        assignments.update(changed, support.events().of(changed.id(), changed.recordedEvents()));
    }

    Optional<Assignment> find(String assignmentId) {
        return assignments.find(assignmentId);
    }

    void add(Assignment issued) {
        assignments.add(issued, support.events().of(issued.id(), issued.recordedEvents()));
    }
}
