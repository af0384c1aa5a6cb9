package org.duban.notification.routing;

import java.util.Objects;

/**
 * One unit to be told of an event, with the matter and assignment the event concerns.
 *
 * @param unitId       the unit to tell
 * @param caseId       the matter, or null when the event concerns none
 * @param assignmentId the assignment, or null when the event concerns none
 */
public record Notice(String unitId, String caseId, String assignmentId) {

    public Notice {
        Objects.requireNonNull(unitId, "unitId");
    }
}
