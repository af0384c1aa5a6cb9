package org.duban.platform.web;

import java.net.URI;
import java.util.List;

import org.duban.platform.domain.InvalidInput.FieldProblem;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds the platform's problem documents: stable {@code urn:duban:problem:<slug>} types, request id. */
public final class Problems {

    public static final String PREFIX = "urn:duban:problem:";

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
        problem.setType(URI.create(PREFIX + slug(problem.getStatus())));
        HttpStatus status = HttpStatus.resolve(problem.getStatus());
        if (status != null) {
            problem.setTitle(status.getReasonPhrase());
        }
        String requestId = MDC.get(RequestIdFilter.MDC_KEY);
        if (requestId != null) {
            problem.setProperty("requestId", requestId);
        }
    }

    static String slug(int status) {
        return switch (status) {
            case 400 -> "invalid-request";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "state-conflict";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            case 429 -> "rate-limited";
            case 503 -> "service-unavailable";
            default -> status >= 500 ? "internal-error" : "client-error";
        };
    }
}
