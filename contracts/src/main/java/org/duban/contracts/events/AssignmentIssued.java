package org.duban.contracts.events;

import java.time.Instant;
import java.util.List;

/**
 * {@code duban.assignment.issued.v1}: a matter was assigned (交办, kind {@code ASSIGN}) or transferred
 * (转送, kind {@code TRANSFER}) to a responsible unit, with its acceptance and result deadlines.
 * {@code deadlineProvisional} (optional, added within v1) says a deadline was counted through a year whose
 * official holiday notice was not there yet (暂定); {@code provisionalDeadlines} names which ({@code
 * ACCEPTANCE}, {@code RESULT}, {@code OBJECTION}). Both are null in events of producers that predate them:
 * read null as not provisional.
 */
public record AssignmentIssued(
        String assignmentId,
        String caseId,
        String unitId,
        String kind,
        String category,
        boolean prominent,
        Instant issuedAt,
        Instant acceptanceDueAt,
        Instant dueAt,
        Actor actor,
        Boolean deadlineProvisional,
        List<String> provisionalDeadlines) implements DubanEvent {

    public static final String TYPE = "duban.assignment.issued.v1";

    /** An issue that says nothing about provisional deadlines (as before the fields existed). */
    public AssignmentIssued(String assignmentId, String caseId, String unitId, String kind, String category,
            boolean prominent, Instant issuedAt, Instant acceptanceDueAt, Instant dueAt, Actor actor) {
        this(assignmentId, caseId, unitId, kind, category, prominent, issuedAt, acceptanceDueAt, dueAt, actor, null,
                null);
    }

    /** Whether the named deadline ({@code ACCEPTANCE}, {@code RESULT}, {@code OBJECTION}) is provisional. */
    public boolean provisional(String deadline) {
        return provisionalDeadlines != null && provisionalDeadlines.contains(deadline);
    }

    @Override
    public String partitionKey() {
        return caseId;
    }
}
