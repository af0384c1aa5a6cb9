package org.duban.console.lawyers;

import org.duban.client.intake.model.LawyerParticipationKind;
import org.duban.client.intake.model.RecordLawyerParticipationRequest;
import org.duban.console.web.IdempotencyKeys;
import org.duban.console.web.TypedInput;

/** 记录律师参与调解 / 法律意见, as typed; the matter by its number (as on its page and receipt). */
record ParticipationForm(String caseId, String kind, String lawyerName, String participatedOn, String note,
        String idempotencyKey) {

    /** A new form, for the matter it was opened from (or none). */
    static ParticipationForm blank(String caseId, String today) {
        return new ParticipationForm(caseId == null ? "" : caseId, "", "", today, "", IdempotencyKeys.fresh());
    }

    ParticipationForm kept() {
        return new ParticipationForm(caseId, kind, lawyerName, participatedOn, note,
                IdempotencyKeys.orFresh(idempotencyKey));
    }

    RecordLawyerParticipationRequest request(TypedInput input) {
        return new RecordLawyerParticipationRequest()
                .caseId(TypedInput.text(caseId))
                .kind(input.choice("kind", kind, LawyerParticipationKind.class))
                .lawyerName(TypedInput.text(lawyerName))
                .participatedOn(input.date("participatedOn", participatedOn))
                .note(TypedInput.text(note));
    }
}
