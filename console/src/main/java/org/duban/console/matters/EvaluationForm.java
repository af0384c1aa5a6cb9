package org.duban.console.matters;

import org.duban.client.intake.model.Rating;
import org.duban.client.intake.model.RecordEvaluationRequest;
import org.duban.console.web.IdempotencyKeys;
import org.duban.console.web.TypedInput;

/** The petitioner's rating (群众参评), entered by a supervisor for the petitioner, as typed. */
record EvaluationForm(String rating, String comment, String idempotencyKey) {

    /** The ratings a person gives (超期未评价 is the platform's, never chosen). */
    static final Rating[] RATINGS = {Rating.SATISFIED, Rating.BASICALLY_SATISFIED, Rating.DISSATISFIED};

    static EvaluationForm blank() {
        return new EvaluationForm("", "", IdempotencyKeys.fresh());
    }

    EvaluationForm kept() {
        return new EvaluationForm(rating, comment, IdempotencyKeys.orFresh(idempotencyKey));
    }

    RecordEvaluationRequest request(TypedInput input) {
        return new RecordEvaluationRequest()
                .rating(input.choice("rating", rating, Rating.class))
                .comment(TypedInput.text(comment));
    }
}
