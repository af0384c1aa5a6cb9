package org.duban.contracts.events;

import java.time.Instant;

/**
 * {@code duban.measure.issued.v1}: an accountability measure (问责措施) was issued to a unit, optionally
 * tied to an assignment or a supervision order: dueAt for a written self-review or rectification,
 * scheduledAt for an interview.
 */
public record MeasureIssued(
        String measureId,
        String kind,
        String unitId,
        String assignmentId,
        String caseId,
        String supervisionId,
        Instant dueAt,
        Instant scheduledAt,
        Instant issuedAt,
        Actor actor) implements DubanEvent {

    public static final String TYPE = "duban.measure.issued.v1";

    @Override
    public String partitionKey() {
        return caseId != null ? caseId : unitId;
    }
}
