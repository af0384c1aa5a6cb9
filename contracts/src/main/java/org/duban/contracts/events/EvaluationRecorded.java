package org.duban.contracts.events;

import java.time.Instant;

/**
 * {@code duban.evaluation.recorded.v1}: the petitioner's rating of a concluded matter (群众参评) was
 * recorded, entered by a supervisor ({@code SUPERVISOR}) or by the petitioner with the query code
 * ({@code PUBLIC}). A later evaluation replaces the current one ({@code replacesEvaluationId}); counting
 * the current one per matter gives the participation and satisfaction rates. No comment text, no
 * petitioner data.
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

    @Override
    public String partitionKey() {
        return caseId;
    }
}
