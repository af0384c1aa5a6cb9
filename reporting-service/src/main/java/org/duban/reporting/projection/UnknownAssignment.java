package org.duban.reporting.projection;

/**
 * A fact about an assignment whose issuance the projection has not seen. Events of one matter are
 * ordered, so this should not happen; it is retried and then parked on the dead-letter topic rather
 * than dropped, since dropping it would silently lose a count.
 */
public final class UnknownAssignment extends RuntimeException {

    public UnknownAssignment(String assignmentId, String eventType) {
        super(eventType + " for assignment " + assignmentId + ", whose issuance was never seen");
    }
}
