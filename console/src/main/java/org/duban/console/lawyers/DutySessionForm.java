package org.duban.console.lawyers;

import org.duban.client.intake.model.RecordLawyerDutySessionRequest;
import org.duban.console.web.IdempotencyKeys;
import org.duban.console.web.TypedInput;

/** 记录律师坐班接访, as typed (text only, so a refused form comes back as it was). */
record DutySessionForm(String heldOn, String lawyerName, String visitorsReceived, String note,
        String idempotencyKey) {

    /** A new form: today's session, no visitors counted yet. */
    static DutySessionForm blank(String today) {
        return new DutySessionForm(today, "", "", "", IdempotencyKeys.fresh());
    }

    /** The same form, with a key for the corrected retry. */
    DutySessionForm kept() {
        return new DutySessionForm(heldOn, lawyerName, visitorsReceived, note, IdempotencyKeys.orFresh(idempotencyKey));
    }

    RecordLawyerDutySessionRequest request(TypedInput input) {
        return new RecordLawyerDutySessionRequest()
                .heldOn(input.date("heldOn", heldOn))
                .lawyerName(TypedInput.text(lawyerName))
                .visitorsReceived(input.integer("visitorsReceived", visitorsReceived))
                .note(TypedInput.text(note));
    }
}
