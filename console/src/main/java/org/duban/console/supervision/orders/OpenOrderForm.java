package org.duban.console.supervision.orders;

import org.duban.client.supervision.model.OpenSupervisionOrderRequest;
import org.duban.client.supervision.model.SupervisionForm;
import org.duban.client.supervision.model.SupervisionTrigger;
import org.duban.console.web.IdempotencyKeys;
import org.duban.console.web.TypedInput;

/**
 * Opening a supervision order on an assignment, as typed. The response deadline is a day (the end of it in
 * office time); left blank, the platform sets the office's response period.
 */
record OpenOrderForm(String assignmentId, String trigger, String form, String responseDueAt, String note,
        String idempotencyKey) {

    static OpenOrderForm blank(String assignmentId) {
        return new OpenOrderForm(assignmentId, "", "", "", "", IdempotencyKeys.fresh());
    }

    /** The same form with its key (a fresh one when it came without). */
    OpenOrderForm keyed() {
        return new OpenOrderForm(assignmentId, trigger, form, responseDueAt, note,
                IdempotencyKeys.orFresh(idempotencyKey));
    }

    OpenSupervisionOrderRequest request(TypedInput input) {
        return new OpenSupervisionOrderRequest()
                .assignmentId(TypedInput.text(assignmentId))
                .trigger(input.choice("trigger", trigger, SupervisionTrigger.class))
                .form(input.choice("form", form, SupervisionForm.class))
                .responseDueAt(input.endOfDay("responseDueAt", responseDueAt))
                .note(TypedInput.text(note));
    }
}
