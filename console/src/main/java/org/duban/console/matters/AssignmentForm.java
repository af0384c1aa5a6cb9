package org.duban.console.matters;

import org.duban.client.intake.model.AssignmentKind;
import org.duban.client.intake.model.IssueAssignmentRequest;
import org.duban.console.web.IdempotencyKeys;
import org.duban.console.web.TypedInput;

/**
 * 交办 / 转送 of a matter, as typed on the matter's page. The result deadline is typed as a day (the end
 * of that day in office time); blank leaves it to office policy.
 */
record AssignmentForm(String unitId, String kind, String dueAt, String instructions, String idempotencyKey) {

    static AssignmentForm blank() {
        return new AssignmentForm("", "", "", "", IdempotencyKeys.fresh());
    }

    AssignmentForm kept() {
        return new AssignmentForm(unitId, kind, dueAt, instructions, IdempotencyKeys.orFresh(idempotencyKey));
    }

    IssueAssignmentRequest request(TypedInput input) {
        return new IssueAssignmentRequest()
                .unitId(TypedInput.text(unitId))
                .kind(input.choice("kind", kind, AssignmentKind.class))
                .dueAt(input.endOfDay("dueAt", dueAt))
                .instructions(TypedInput.text(instructions));
    }
}
