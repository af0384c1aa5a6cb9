package org.duban.contracts.events;

import java.time.Instant;

/**
 * {@code duban.recommendation.issued.v1}: a recommendation (三项建议) was issued: to a unit (unitId) or to
 * another body (addressee, e.g. 区纪委监委), optionally about an assignment; the written answer is due by
 * feedbackDueAt. The text is not carried.
 */
public record RecommendationIssued(
        String recommendationId,
        String kind,
        String unitId,
        String addressee,
        String assignmentId,
        String caseId,
        Instant feedbackDueAt,
        Instant issuedAt,
        Actor actor) implements DubanEvent {

    public static final String TYPE = "duban.recommendation.issued.v1";

    @Override
    public String partitionKey() {
        return caseId != null ? caseId : recommendationId;
    }
}
