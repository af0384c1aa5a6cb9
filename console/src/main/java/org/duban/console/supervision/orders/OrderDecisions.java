package org.duban.console.supervision.orders;

import org.duban.client.supervision.model.CloseSupervisionOrderRequest;
import org.duban.client.supervision.model.ConfirmSupervisionOrderRequest;
import org.duban.client.supervision.model.DismissSupervisionOrderRequest;
import org.duban.client.supervision.model.ReopenSupervisionOrderRequest;
import org.duban.client.supervision.model.SupervisionForm;
import org.duban.console.web.TypedInput;

/**
 * The forms an order's page offers a supervisor, as typed: confirm or dismiss a proposal, close, reopen
 * (reject the unit's response). A refused one comes back as it was sent, the others blank.
 */
record OrderDecisions(Confirm confirm, Note dismiss, Note close, Reopen reopen) {

    static OrderDecisions blank() {
        return new OrderDecisions(new Confirm("", "", ""), new Note(""), new Note(""), new Reopen("", ""));
    }

    OrderDecisions with(Confirm typed) {
        return new OrderDecisions(typed, dismiss, close, reopen);
    }

    OrderDecisions withDismiss(Note typed) {
        return new OrderDecisions(confirm, typed, close, reopen);
    }

    OrderDecisions withClose(Note typed) {
        return new OrderDecisions(confirm, dismiss, typed, reopen);
    }

    OrderDecisions with(Reopen typed) {
        return new OrderDecisions(confirm, dismiss, close, typed);
    }

    /** Confirming a proposal: the form and the response deadline default to the office's when left blank. */
    record Confirm(String form, String responseDueAt, String note) {

        ConfirmSupervisionOrderRequest request(TypedInput input) {
            return new ConfirmSupervisionOrderRequest()
                    .form(input.choice("form", form, SupervisionForm.class))
                    .responseDueAt(input.endOfDay("responseDueAt", responseDueAt))
                    .note(TypedInput.text(note));
        }
    }

    /** Dismissing a proposal or closing an order: a note. */
    record Note(String note) {

        DismissSupervisionOrderRequest dismissal() {
            return new DismissSupervisionOrderRequest().note(TypedInput.text(note));
        }

        CloseSupervisionOrderRequest closing() {
            return new CloseSupervisionOrderRequest().note(TypedInput.text(note));
        }
    }

    /** Rejecting the unit's response: why, and the new response deadline (the office's when blank). */
    record Reopen(String reason, String responseDueAt) {

        ReopenSupervisionOrderRequest request(TypedInput input) {
            return new ReopenSupervisionOrderRequest()
                    .reason(TypedInput.text(reason))
                    .responseDueAt(input.endOfDay("responseDueAt", responseDueAt));
        }
    }
}
