package org.duban.console.desk;

import org.duban.client.intake.model.AcceptAssignmentRequest;
import org.duban.client.intake.model.ExtensionRequest;
import org.duban.client.intake.model.FinalReportOutcome;
import org.duban.client.intake.model.FinalReportRequest;
import org.duban.client.intake.model.ObjectionRequest;
import org.duban.client.intake.model.ProgressRequest;
import org.duban.console.web.IdempotencyKeys;
import org.duban.console.web.TypedInput;

/**
 * The forms of an assignment's page, as typed (text only, so a refused form comes back as it was). A
 * time left null is shown as now (the usual answer); one the user cleared stays empty.
 */
record AssignmentForms(AcceptForm accept, ObjectionForm objection, ProgressForm progress, ExtensionForm extension,
        FinalReportForm finalReport) {

    static AssignmentForms blank() {
        return new AssignmentForms(new AcceptForm(null), new ObjectionForm(""),
                new ProgressForm("", IdempotencyKeys.fresh()), new ExtensionForm("", "", IdempotencyKeys.fresh()),
                new FinalReportForm("", "", "", null));
    }

    AssignmentForms with(AcceptForm form) {
        return new AssignmentForms(form, objection, progress, extension, finalReport);
    }

    AssignmentForms with(ObjectionForm form) {
        return new AssignmentForms(accept, form, progress, extension, finalReport);
    }

    AssignmentForms with(ProgressForm form) {
        return new AssignmentForms(accept, objection, form.keyed(), extension, finalReport);
    }

    AssignmentForms with(ExtensionForm form) {
        return new AssignmentForms(accept, objection, progress, form.keyed(), finalReport);
    }

    AssignmentForms with(FinalReportForm form) {
        return new AssignmentForms(accept, objection, progress, extension, form);
    }

    /** 签收并受理告知: when the written acceptance notice went to the petitioner. */
    record AcceptForm(String noticeSentAt) {

        AcceptAssignmentRequest request(TypedInput input) {
            return new AcceptAssignmentRequest().noticeSentAt(input.dateTime("noticeSentAt", noticeSentAt));
        }
    }

    /** 异议退回: why the matter is not the unit's own. */
    record ObjectionForm(String reason) {

        ObjectionRequest request() {
            return new ObjectionRequest().reason(TypedInput.text(reason));
        }
    }

    /** 报告进展: one progress note (a creating call: the key makes a double submit add one note). */
    record ProgressForm(String note, String idempotencyKey) {

        ProgressRequest request() {
            return new ProgressRequest().note(TypedInput.text(note));
        }

        ProgressForm keyed() {
            return new ProgressForm(note, IdempotencyKeys.orFresh(idempotencyKey));
        }
    }

    /** 申请延期: how many days, and why. */
    record ExtensionForm(String days, String reason, String idempotencyKey) {

        ExtensionRequest request(TypedInput input) {
            return new ExtensionRequest().days(input.integer("days", days)).reason(TypedInput.text(reason));
        }

        ExtensionForm keyed() {
            return new ExtensionForm(days, reason, IdempotencyKeys.orFresh(idempotencyKey));
        }
    }

    /** 办结报告: the outcome by 三到位一处理, resolved or not, what was done, when the petitioner was answered. */
    record FinalReportForm(String outcome, String resolved, String summary, String repliedAt) {

        FinalReportRequest request(TypedInput input) {
            return new FinalReportRequest()
                    .outcome(input.choice("outcome", outcome, FinalReportOutcome.class))
                    .resolved(YesNo.read(input, "resolved", resolved))
                    .summary(TypedInput.text(summary))
                    .repliedAt(input.dateTime("repliedAt", repliedAt));
        }
    }
}
