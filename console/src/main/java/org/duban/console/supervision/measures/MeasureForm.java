package org.duban.console.supervision.measures;

import org.duban.client.supervision.model.IssueMeasureRequest;
import org.duban.client.supervision.model.MeasureKind;
import org.duban.console.web.IdempotencyKeys;
import org.duban.console.web.TypedInput;

/**
 * Issuing an accountability measure (问责措施) to a unit, as typed. A written self-review or a rectification
 * order is due by the end of a day; an interview is scheduled at a moment. Which of the two a kind takes is
 * the platform's rule: the form shows each field for its kinds, and sends what was typed.
 */
record MeasureForm(String kind, String unitId, String assignmentId, String supervisionId, String reason,
        String dueAt, String scheduledAt, String idempotencyKey) {

    /** The form field of the due day: "dueAt" means 办结期限 elsewhere, so its errors are shown under this name. */
    static final String DUE_DAY = "submissionDueAt";

    /** A new form, prefilled from the page it was opened from (the ladder, an order). */
    static MeasureForm prefilled(String kind, String unitId, String assignmentId, String supervisionId) {
        return new MeasureForm(orBlank(kind), orBlank(unitId), orBlank(assignmentId), orBlank(supervisionId), "", "",
                "", IdempotencyKeys.fresh());
    }

    MeasureForm keyed() {
        return new MeasureForm(kind, unitId, assignmentId, supervisionId, reason, dueAt, scheduledAt,
                IdempotencyKeys.orFresh(idempotencyKey));
    }

    IssueMeasureRequest request(TypedInput input) {
        return new IssueMeasureRequest()
                .kind(input.choice("kind", kind, MeasureKind.class))
                .unitId(TypedInput.text(unitId))
                .assignmentId(TypedInput.text(assignmentId))
                .supervisionId(TypedInput.text(supervisionId))
                .reason(TypedInput.text(reason))
                .dueAt(input.endOfDay("dueAt", dueAt))
                .scheduledAt(input.dateTime("scheduledAt", scheduledAt));
    }

    private static String orBlank(String value) {
        return value == null ? "" : value.strip();
    }
}
