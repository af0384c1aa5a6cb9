package org.duban.platform.web;

import java.util.List;

import org.duban.contracts.problems.ProblemTypes;
import org.duban.platform.domain.InvalidInput.FieldProblem;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds the platform's problem documents: stable {@code urn:duban:problem:<slug>} types, request id. */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        decorate(problem);
        return problem;
    }

    public static ProblemDetail invalid(List<FieldProblem> errors) {
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "The request is not valid: " + errors.stream()
                .map(FieldProblem::field).distinct().reduce((a, b) -> a + ", " + b).orElse("body"));
        problem.setProperty("errors", errors);
        return problem;
    }

    /** Sets the type, title and request id of a problem whatever made it. */
    public static void decorate(ProblemDetail problem) {
        problem.setType(ProblemTypes.forStatus(problem.getStatus()));
        HttpStatus status = HttpStatus.resolve(problem.getStatus());
        if (status != null) {
            problem.setTitle(status.getReasonPhrase());
        }
        String requestId = MDC.get(RequestIdFilter.MDC_KEY);
        if (requestId != null) {
            problem.setProperty("requestId", requestId);
        }
    }
}
