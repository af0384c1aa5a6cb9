package org.duban.console.assignments;

import org.duban.client.intake.model.ObjectionDecisionRequest;
import org.duban.console.web.TypedInput;

/**
 * The decision on a unit's objection, as typed: upheld (异议成立, the matter goes to another unit) or
 * rejected (异议不成立, the unit handles it). The unit picked belongs to the upheld choice (the form
 * reveals it only then), so it is sent only when upheld; which units are right the platform decides.
 */
record ObjectionDecisionForm(String upheld, String reassignToUnitId) {

    static ObjectionDecisionForm blank() {
        return new ObjectionDecisionForm("", "");
    }

    ObjectionDecisionRequest request() {
        Boolean chosen = YesNo.of(upheld);
        return new ObjectionDecisionRequest().upheld(chosen)
                .reassignToUnitId(Boolean.TRUE.equals(chosen) ? TypedInput.text(reassignToUnitId) : null);
    }
}
