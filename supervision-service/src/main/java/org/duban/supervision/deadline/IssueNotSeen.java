package org.duban.supervision.deadline;

/**
 * An event that moves a deadline (objection, its rejection, an approved extension, a final report,
 * a send-back) for an assignment whose issue has not been seen, so there is no deadline to move.
 * Waiting does not help (on the matter's partition the issue came before it, so the issue went to
 * the dead-letter topic): the listener parks the event there at once, to be replayed after the issue.
 */
public final class IssueNotSeen extends RuntimeException {

    public IssueNotSeen(String assignmentId, String eventType) {
        super(eventType + " of assignment " + assignmentId + " whose issue has not been seen");
    }
}
