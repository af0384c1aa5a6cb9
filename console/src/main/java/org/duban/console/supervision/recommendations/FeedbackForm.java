package org.duban.console.supervision.recommendations;

import org.duban.client.supervision.model.RecommendationFeedbackRequest;
import org.duban.console.web.TypedInput;

/**
 * The written answer of an addressee outside the platform, entered by a supervisor: adopted or not
 * ({@code true}/{@code false} from two radio buttons; neither chosen is sent as absent, for the platform
 * to refuse beside the field) and its text.
 */
record FeedbackForm(String adopted, String text) {

    static FeedbackForm blank() {
        return new FeedbackForm("", "");
    }

    RecommendationFeedbackRequest request() {
        String choice = TypedInput.text(adopted);
        return new RecommendationFeedbackRequest()
                .adopted(choice == null ? null : Boolean.valueOf(choice))
                .text(TypedInput.text(text));
    }
}
