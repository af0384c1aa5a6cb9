package org.duban.intake.evaluation;

import java.time.Instant;
import java.util.Objects;

/**
 * One evaluation of a matter. {@code recordedBy} is the supervisor's user id, or {@code public} for the
 * petitioner; {@code replacesEvaluationId} the evaluation that was current before it, if any. The
 * comment stays in intake: events never carry it.
 */
public record Evaluation(
        String id,
        Rating rating,
        String comment,
        EvaluationChannel channel,
        Instant recordedAt,
        String recordedBy,
        String replacesEvaluationId) {

    public Evaluation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(rating, "rating");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(recordedBy, "recordedBy");
    }
}
