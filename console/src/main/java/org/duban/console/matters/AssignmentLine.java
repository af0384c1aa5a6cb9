package org.duban.console.matters;

import java.time.OffsetDateTime;

import org.duban.client.intake.model.Assignment;

/**
 * One assignment of the matter as its page lists it, each deadline with the days left while it still runs.
 */
record AssignmentLine(Assignment assignment, Deadline acceptance, Deadline result) {

    /**
     * A deadline as people read it. {@code daysLeft} is null once the deadline no longer runs (the
     * assignment was accepted, concluded, cancelled); negative when it passed.
     */
    record Deadline(OffsetDateTime at, Long daysLeft) {

        public boolean running() {
            return daysLeft != null;
        }

        public boolean overdue() {
            return daysLeft != null && daysLeft < 0;
        }

        public boolean dueToday() {
            return daysLeft != null && daysLeft == 0;
        }

        public long daysOverdue() {
            return daysLeft == null ? 0 : Math.max(0, -daysLeft);
        }
    }
}
