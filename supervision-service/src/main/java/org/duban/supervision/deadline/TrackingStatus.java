package org.duban.supervision.deadline;

import java.util.Set;

/**
 * Where a tracked assignment stands as far as its deadlines go. Later events (final report,
 * conclusion, cancellation) will add closed states; only open ones carry an applicable deadline.
 */
public enum TrackingStatus {
    /** The acceptance of an assignment was seen before its issue; nothing to track until the issue arrives. */
    AWAITING_ISSUE,
    /** Issued, not yet accepted: the acceptance deadline applies. */
    ASSIGNED,
    /** Accepted: the result deadline applies. */
    ACCEPTED;

    /** The states whose assignments are on the board. */
    public static final Set<TrackingStatus> OPEN = Set.of(ASSIGNED, ACCEPTED);

    public boolean isOpen() {
        return OPEN.contains(this);
    }
}
