package org.duban.contracts.events;

import java.time.Instant;

/**
 * {@code duban.supervision.opened.v1}: a supervision order (督办) was opened on an assignment:
 * automatically by policy (automatic, actor SYSTEM), by confirming a proposal, or by a supervisor; the
 * unit must answer in writing by responseDueAt.
 */
public record SupervisionOrderOpened(
        String supervisionId,
        String assignmentId,
        String caseId,
        String unitId,
        String trigger,
        String form,
        boolean automatic,
        Instant responseDueAt,
        Instant openedAt,
        Actor actor) implements DubanEvent {

    public static final String TYPE = "duban.supervision.opened.v1";

    @Override
    public String partitionKey() {
        return caseId;
    }
}
