package org.duban.supervision.order;

/** Where a supervision order (督办) stands. */
public enum OrderStatus {
    /** Proposed by the office policy when its assignment turned overdue; waits for a supervisor. */
    PROPOSED,
    /** Waits for the unit's written response by its response deadline. */
    OPEN,
    /** The unit responded; the supervisor closes it or rejects the response (reopens it). */
    RESPONDED,
    /** Closed by a supervisor. */
    CLOSED,
    /** A proposal the supervisor dismissed; never opened. */
    DISMISSED
}
