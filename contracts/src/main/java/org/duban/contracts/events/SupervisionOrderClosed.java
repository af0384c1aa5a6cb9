package org.duban.contracts.events;

import java.time.Instant;

/**
 * {@code duban.supervision.closed.v1}: a supervisor closed a supervision order.
 */
public record SupervisionOrderClosed(
        String supervisionId,
        String assignmentId,
        String caseId,
        String unitId,
        Instant closedAt,
        Actor actor) implements DubanEvent {

    public static final String TYPE = "duban.supervision.closed.v1";

    @Override
    public String partitionKey() {
        return caseId;
    }
}
