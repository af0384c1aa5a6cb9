package org.duban.contracts.events;

import java.time.Instant;

/**
 * {@code duban.supervision.proposed.v1}: an assignment turned overdue under office policy PROPOSE: a
 * supervision order waits for a supervisor to confirm (then opened with the same id) or dismiss it.
 */
public record SupervisionOrderProposed(
        String supervisionId,
        String assignmentId,
        String caseId,
        String unitId,
        String trigger,
        Instant proposedAt,
        Actor actor) implements DubanEvent {

    public static final String TYPE = "duban.supervision.proposed.v1";

    @Override
    public String partitionKey() {
        return caseId;
    }
}
