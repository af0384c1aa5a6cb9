package org.duban.notification.routing;

import java.util.Objects;

import org.duban.notification.inbox.InboxMessage;

/**
 * One inbox to be told of an event, with the matter and assignment the event concerns.
 *
 * @param unitId       the unit to tell, or {@link InboxMessage#OFFICE} for the supervisors' office inbox
 * @param caseId       the matter, or null when the event concerns none
 * @param assignmentId the assignment, or null when the event concerns none
 */
public record Notice(String unitId, String caseId, String assignmentId) {

    public Notice {
        Objects.requireNonNull(unitId, "unitId");
    }

    /** Whether a responsible unit is told (rather than the office): only units have webhooks and e-mail. */
    public boolean toUnit() {
        return !InboxMessage.OFFICE.equals(unitId);
    }
}
