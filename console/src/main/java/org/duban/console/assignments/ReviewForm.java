package org.duban.console.assignments;

import org.duban.client.intake.model.ReviewDecision;
import org.duban.client.intake.model.ReviewRequest;
import org.duban.console.web.TypedInput;

/**
 * The review of a final report, as typed: approve (审核通过) or send back (退回重办) with a reason and a new
 * result deadline typed as a day. The new deadline belongs to the send-back choice (the form reveals it
 * only then), so it is sent only with SEND_BACK.
 */
record ReviewForm(String decision, String reason, String newDueAt) {

    static ReviewForm blank() {
        return new ReviewForm("", "", "");
    }

    ReviewRequest request(TypedInput input) {
        ReviewDecision chosen = input.choice("decision", decision, ReviewDecision.class);
        return new ReviewRequest().decision(chosen).reason(TypedInput.text(reason))
                .newDueAt(chosen == ReviewDecision.SEND_BACK ? input.endOfDay("newDueAt", newDueAt) : null);
    }
}
