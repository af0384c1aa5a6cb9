package org.duban.contracts.events;

import java.time.Instant;

/**
 * {@code duban.measure.submitted.v1}: the unit submitted what a measure asked of it (the written self-
 * review, the rectification report); late when after dueAt.
 */
public record MeasureSubmitted(
        String measureId,
        String kind,
        String unitId,
        String caseId,
        boolean late,
        Instant submittedAt,
        Actor actor) implements DubanEvent {

    public static final String TYPE = "duban.measure.submitted.v1";

    @Override
    public String partitionKey() {
        return caseId != null ? caseId : unitId;
    }
}
