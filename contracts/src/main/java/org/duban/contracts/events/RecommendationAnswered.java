package org.duban.contracts.events;

import java.time.Instant;

/**
 * {@code duban.recommendation.answered.v1}: the addressee answered a recommendation in writing,
 * adopting it or not; late when after feedbackDueAt.
 */
public record RecommendationAnswered(
        String recommendationId,
        String kind,
        String unitId,
        String caseId,
        boolean adopted,
        boolean late,
        Instant answeredAt,
        Actor actor) implements DubanEvent {

    public static final String TYPE = "duban.recommendation.answered.v1";

    @Override
    public String partitionKey() {
        return caseId != null ? caseId : recommendationId;
    }
}
