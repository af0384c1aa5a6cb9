package org.duban.contracts.events;

import java.time.Instant;

/**
 * {@code duban.measure.recorded.v1}: a supervisor recorded that an interview (约谈) was held, with
 * minutes (not carried).
 */
public record MeasureRecorded(
        String measureId,
        String kind,
        String unitId,
        String caseId,
        Instant heldAt,
        Instant recordedAt,
        Actor actor) implements DubanEvent {

    public static final String TYPE = "duban.measure.recorded.v1";

    @Override
    public String partitionKey() {
        return caseId != null ? caseId : unitId;
    }
}
