package org.duban.contracts.events;

import java.time.Instant;

/**
 * {@code duban.assignment.extension-decided.v1}: a supervisor approved or rejected
 * an extension; when approved, {@code newDueAt} is the moved result deadline (null when rejected).
 */
public record AssignmentExtensionDecided(
        String assignmentId,
        String caseId,
        String unitId,
        String extensionId,
        int days,
        boolean approved,
        Instant newDueAt,
        boolean hasNote,
        Instant decidedAt,
        Actor actor) implements DubanEvent {

    public static final String TYPE = "duban.assignment.extension-decided.v1";

    @Override
    public String partitionKey() {
        return caseId;
    }
}
