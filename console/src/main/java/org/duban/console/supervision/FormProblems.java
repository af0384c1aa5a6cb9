package org.duban.console.supervision;

import java.util.List;

import org.duban.console.platform.PlatformProblem;

/**
 * A page with several forms that share API field names (an order's confirm, dismiss, close and reopen
 * forms each have a {@code note} or {@code responseDueAt}) names each form's fields with its own prefix
 * ({@code close.note}), so that the platform's errors land beside the form that was sent, and every input
 * keeps a unique id.
 */
public final class FormProblems {

    private FormProblems() {
    }

    /** The problem with each field error renamed {@code <prefix>.<field>}; null stays null. */
    public static PlatformProblem prefixed(PlatformProblem problem, String prefix) {
        if (problem == null) {
            return null;
        }
        List<PlatformProblem.FieldError> renamed = problem.errors().stream()
                .map(error -> new PlatformProblem.FieldError(prefix + "." + error.field(), error.message()))
                .toList();
        return new PlatformProblem(problem.status(), problem.type(), problem.detail(), problem.requestId(),
                problem.state(), renamed);
    }

    /** The problem with the errors of one field renamed (a field whose meaning on this form differs). */
    public static PlatformProblem renamed(PlatformProblem problem, String field, String as) {
        if (problem == null) {
            return null;
        }
        List<PlatformProblem.FieldError> renamed = problem.errors().stream()
                .map(error -> error.field().equals(field) ? new PlatformProblem.FieldError(as, error.message()) : error)
                .toList();
        return new PlatformProblem(problem.status(), problem.type(), problem.detail(), problem.requestId(),
                problem.state(), renamed);
    }
}
