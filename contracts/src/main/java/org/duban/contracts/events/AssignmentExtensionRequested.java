package org.duban.contracts.events;

import java.time.Instant;

/**
 * {@code duban.assignment.extension-requested.v1}: the unit asked, before the
 * deadline, to extend it by {@code days} (延期申请). The reasons stay in intake.
 */
public record AssignmentExtensionRequested(
        String assignmentId,
        String caseId,
        String unitId,
        String extensionId,
        int days,
        Instant dueAt,
        Instant requestedAt,
        Actor actor) implements DubanEvent {

    public static final String TYPE = "duban.assignment.extension-requested.v1";

    @Override
    public String partitionKey() {
        return caseId;
    }
}
