package org.duban.contracts.events;

import java.time.Instant;

/**
 * {@code duban.supervision.reopened.v1}: a supervisor rejected the unit's response: the order is open
 * again with a new response deadline.
 */
public record SupervisionOrderReopened(
        String supervisionId,
        String assignmentId,
        String caseId,
        String unitId,
        Instant responseDueAt,
        int reopenCount,
        Instant reopenedAt,
        Actor actor) implements DubanEvent {

    public static final String TYPE = "duban.supervision.reopened.v1";

    @Override
    public String partitionKey() {
        return caseId;
    }
}
