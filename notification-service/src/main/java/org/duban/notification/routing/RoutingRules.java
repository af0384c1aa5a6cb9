package org.duban.notification.routing;

import java.util.List;

import org.duban.contracts.events.AssignmentIssued;
import org.duban.contracts.events.DubanEvent;

/**
 * Who is told of which event. An issued assignment (交办/转送) goes to the unit it was issued to;
 * events that concern nobody's inbox give no notice.
 */
public final class RoutingRules {

    public List<Notice> noticesFor(DubanEvent event) {
        if (event instanceof AssignmentIssued issued) {
            if (issued.unitId() == null || issued.unitId().isBlank()) {
                throw new IllegalArgumentException("assignment " + issued.assignmentId() + " names no unit");
            }
            return List.of(new Notice(issued.unitId(), issued.caseId(), issued.assignmentId()));
        }
        return List.of();
    }
}
