package org.duban.console.assignments;

import org.duban.client.intake.model.CancelRequest;
import org.duban.console.platform.PlatformProblem;
import org.duban.console.web.TypedInput;

/**
 * The cancellation (撤销) of an open assignment, as typed. Its {@code reason} shares the API's field name
 * with the review's reason on the same page, so its errors are shown under {@code cancel.reason}: each
 * lands beside its own form's field, and the page keeps one element per id.
 */
record CancelForm(String reason) {

    static final String FIELDS = "cancel.";

    static CancelForm blank() {
        return new CancelForm("");
    }

    CancelRequest request() {
        return new CancelRequest().reason(TypedInput.text(reason));
    }

    /** The platform's refusal with its fields named as this form names them ({@code cancel.reason}). */
    static PlatformProblem fieldsOfThisForm(PlatformProblem problem) {
        return new PlatformProblem(problem.status(), problem.type(), problem.detail(), problem.requestId(),
                problem.state(), problem.errors().stream()
                        .map(error -> new PlatformProblem.FieldError(FIELDS + error.field(), error.message()))
                        .toList());
    }
}
