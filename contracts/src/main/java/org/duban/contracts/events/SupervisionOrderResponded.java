package org.duban.contracts.events;

import java.time.Instant;

/**
 * {@code duban.supervision.responded.v1}: the unit answered a supervision order in writing; late when
 * after the response deadline.
 */
public record SupervisionOrderResponded(
        String supervisionId,
        String assignmentId,
        String caseId,
        String unitId,
        boolean late,
        Instant respondedAt,
        Actor actor) implements DubanEvent {

    public static final String TYPE = "duban.supervision.responded.v1";

    @Override
    public String partitionKey() {
        return caseId;
    }
}
