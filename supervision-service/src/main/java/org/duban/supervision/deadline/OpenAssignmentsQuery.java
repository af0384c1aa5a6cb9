package org.duban.supervision.deadline;

import java.util.Objects;

import org.duban.platform.domain.PageRequest;
import org.duban.supervision.reminder.DeadlineRange;

/**
 * Which open assignments to list.
 *
 * @param unitId    only this unit's, or every unit's when null
 * @param deadlines only those whose applicable deadline lies in this range
 * @param page      the page wanted, ordered by applicable deadline, then assignment id
 */
public record OpenAssignmentsQuery(String unitId, DeadlineRange deadlines, PageRequest page) {

    public OpenAssignmentsQuery {
        Objects.requireNonNull(deadlines, "deadlines");
        Objects.requireNonNull(page, "page");
    }

    public boolean matches(TrackedAssignment assignment) {
        return assignment.isOpen()
                && (unitId == null || unitId.equals(assignment.unitId()))
                && assignment.applicableDeadline().map(deadline -> deadlines.contains(deadline.at())).orElse(false);
    }
}
