package org.duban.contracts.events;

import java.time.Instant;

/**
 * {@code duban.evaluation.recorded.v1}: the petitioner's rating of a concluded matter (群众参评) was
 * recorded, entered by a supervisor ({@code SUPERVISOR}) or by the petitioner with the query code
 * ({@code PUBLIC}); or the platform recorded the matter as unrated (超期未评价): rating
 * {@value #OVERDUE_UNRATED}, channel {@value #SYSTEM_CHANNEL}, a {@code SYSTEM} actor and {@code recordedAt}
 * the moment the evaluation window closed. A later evaluation replaces the current one
 * ({@code replacesEvaluationId}), an unrated one included; counting the current one per matter gives the
 * participation and satisfaction rates, in which an unrated matter is not an evaluation. No comment text,
 * no petitioner data.
 */
public record EvaluationRecorded(
        String caseId,
        String evaluationId,
        String rating,
        String replacesEvaluationId,
        String channel,
        Instant recordedAt,
        Actor actor) implements DubanEvent {

    public static final String TYPE = "duban.evaluation.recorded.v1";
    /** The rating the platform records when a concluded matter's evaluation window closes unrated. */
    public static final String OVERDUE_UNRATED = "OVERDUE_UNRATED";
    /** The channel of what the platform records itself. */
    public static final String SYSTEM_CHANNEL = "SYSTEM";

    /** Whether this records a matter as unrated (超期未评价) rather than a petitioner's rating. */
    public boolean unrated() {
        return OVERDUE_UNRATED.equals(rating);
    }

    @Override
    public String partitionKey() {
        return caseId;
    }
}
