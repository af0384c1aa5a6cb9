package org.duban.contracts.events;

import java.time.Instant;

/**
 * {@code duban.supervision.dismissed.v1}: a supervisor dismissed a proposed supervision order; it is
 * never opened.
 */
public record SupervisionOrderDismissed(
        String supervisionId,
        String assignmentId,
        String caseId,
        String unitId,
        Instant dismissedAt,
        Actor actor) implements DubanEvent {

    public static final String TYPE = "duban.supervision.dismissed.v1";

    @Override
    public String partitionKey() {
        return caseId;
    }
}
