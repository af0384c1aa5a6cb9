package org.duban.contracts.events;

import java.time.Instant;

/**
 * {@code duban.reminder.issued.v1}: a deadline entered its warning window (YELLOW) or passed (RED) and
 * the unit was reminded (催办). Issued exactly once per deadline and colour; subjectType/subjectId name
 * what the deadline belongs to.
 */
public record ReminderIssued(
        String reminderId,
        String subjectType,
        String subjectId,
        String deadlineKind,
        String colour,
        Instant dueAt,
        String caseId,
        String assignmentId,
        String unitId,
        Instant issuedAt,
        Actor actor) implements DubanEvent {

    public static final String TYPE = "duban.reminder.issued.v1";

    @Override
    public String partitionKey() {
        return caseId != null ? caseId : subjectId;
    }
}
