package org.duban.supervision.deadline;

import java.util.Set;

/**
 * Where a tracked assignment stands as far as its deadlines go. Only the states on the board carry
 * an applicable deadline: ASSIGNED and OBJECTED the acceptance deadline, ACCEPTED the result
 * deadline. A REPORTED assignment waits for the supervisor's review, not for the unit, so it has
 * none (a send-back reopens it with a new one); CONCLUDED and CANCELLED are closed for good.
 */
public enum TrackingStatus {
    /** The acceptance of an assignment was seen before its issue; nothing to track until the issue arrives. */
    AWAITING_ISSUE,
    /** Issued, not yet accepted: the acceptance deadline applies. */
    ASSIGNED,
    /** The unit objected (异议退回) and waits for the supervisor's decision: the acceptance deadline still applies. */
    OBJECTED,
    /** Accepted: the result deadline applies. */
    ACCEPTED,
    /** The unit submitted its final report; it waits for review. Off the board: the unit has answered. */
    REPORTED,
    /** The final report was approved (交办) or came in (转送). Closed. */
    CONCLUDED,
    /** Cancelled by a supervisor, or its objection was upheld and the matter assigned anew. Closed. */
    CANCELLED;

    /** The states whose assignments are on the board. */
    public static final Set<TrackingStatus> OPEN = Set.of(ASSIGNED, OBJECTED, ACCEPTED);

    /** The states no later event leaves. */
    public static final Set<TrackingStatus> CLOSED = Set.of(CONCLUDED, CANCELLED);

    public boolean isOpen() {
        return OPEN.contains(this);
    }

    public boolean isClosed() {
        return CLOSED.contains(this);
    }
}
