package org.duban.console.supervision.recommendations;

import org.duban.client.supervision.model.IssueRecommendationRequest;
import org.duban.client.supervision.model.RecommendationKind;
import org.duban.console.web.IdempotencyKeys;
import org.duban.console.web.TypedInput;

/**
 * Issuing a recommendation (三项建议), as typed: to a unit on the platform, and/or to an addressee outside
 * it (e.g. 区纪委监委) whose answer a supervisor enters; the answer is due by the end of a day (30 days by
 * default when left blank).
 */
record RecommendationForm(String kind, String unitId, String addressee, String assignmentId, String text,
        String feedbackDueAt, String idempotencyKey) {

    /** A new form, prefilled from the page it was opened from (an order, a unit). */
    static RecommendationForm prefilled(String kind, String unitId, String assignmentId) {
        return new RecommendationForm(orBlank(kind), orBlank(unitId), "", orBlank(assignmentId), "", "",
                IdempotencyKeys.fresh());
    }

    RecommendationForm keyed() {
        return new RecommendationForm(kind, unitId, addressee, assignmentId, text, feedbackDueAt,
                IdempotencyKeys.orFresh(idempotencyKey));
    }

    IssueRecommendationRequest request(TypedInput input) {
        return new IssueRecommendationRequest()
                .kind(input.choice("kind", kind, RecommendationKind.class))
                .unitId(TypedInput.text(unitId))
                .addressee(TypedInput.text(addressee))
                .assignmentId(TypedInput.text(assignmentId))
                .text(TypedInput.text(text))
                .feedbackDueAt(input.endOfDay("feedbackDueAt", feedbackDueAt));
    }

    private static String orBlank(String value) {
        return value == null ? "" : value.strip();
    }
}
