package org.duban.supervision.measure;

import java.time.Instant;

/** A supervisor's request to issue a measure. */
public record IssueMeasure(MeasureKind kind, String unitId, String assignmentId, String supervisionId, String reason,
        Instant dueAt, Instant scheduledAt) {
}
