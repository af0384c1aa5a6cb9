package org.duban.supervision.deadline;

import java.time.Instant;

import org.duban.supervision.reminder.Deadline;

/**
 * What happens, besides the red reminder, when an assignment turns overdue: the office's policy
 * opens or proposes a supervision order (implemented by the order feature).
 */
public interface OverdueAssignments {

    /**
     * Called by the sweep before it records the red reminder, possibly more than once for the same
     * assignment and deadline (two sweeps racing, or a sweep repeated after a crash): it must act
     * at most once per assignment and deadline.
     */
    void turnedOverdue(TrackedAssignment assignment, Deadline deadline, Instant now);

    /** No policy: reminders only. */
    OverdueAssignments NONE = (assignment, deadline, now) -> { };
}
