package org.duban.console.assignments;

import org.duban.client.intake.model.ExtensionDecisionRequest;
import org.duban.console.web.TypedInput;

/** The decision on a unit's extension request (延期), as typed: approved or not, with a note. */
record ExtensionDecisionForm(String approved, String note) {

    static ExtensionDecisionForm blank() {
        return new ExtensionDecisionForm("", "");
    }

    ExtensionDecisionRequest request() {
        return new ExtensionDecisionRequest().approved(YesNo.of(approved)).note(TypedInput.text(note));
    }
}
