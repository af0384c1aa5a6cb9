package org.duban.console.desk;

import org.duban.client.supervision.model.MeasureSubmissionRequest;
import org.duban.client.supervision.model.RecommendationFeedbackRequest;
import org.duban.client.supervision.model.SupervisionResponseRequest;
import org.duban.console.web.TypedInput;

/** The unit's written answers to the office, as typed. */
final class AnswerForms {

    private AnswerForms() {
    }

    /** 督办单回复, or the text of a written self-review / rectification report (书面检查, 整改情况). */
    record TextForm(String text) {

        static TextForm blank() {
            return new TextForm("");
        }

        SupervisionResponseRequest response() {
            return new SupervisionResponseRequest().text(TypedInput.text(text));
        }

        MeasureSubmissionRequest submission() {
            return new MeasureSubmissionRequest().text(TypedInput.text(text));
        }
    }

    /** The written answer to a recommendation: adopted or not, and what the unit did or why not. */
    record FeedbackForm(String adopted, String text) {

        static FeedbackForm blank() {
            return new FeedbackForm("", "");
        }

        RecommendationFeedbackRequest request(TypedInput input) {
            return new RecommendationFeedbackRequest().adopted(YesNo.read(input, "adopted", adopted))
                    .text(TypedInput.text(text));
        }
    }
}
