package org.duban.supervision.recommendation;

import java.time.Instant;

/** A supervisor's request to issue a recommendation. */
public record IssueRecommendation(RecommendationKind kind, String unitId, String addressee, String assignmentId,
        String text, Instant feedbackDueAt) {
}
