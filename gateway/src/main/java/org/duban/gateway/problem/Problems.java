package org.duban.gateway.problem;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * The gateway's problem documents: {@code urn:duban:problem:<slug>} types, the status's title, the request
 * id. The same slugs as the services' (platform's {@code Problems}), which the gateway cannot use because
 * that library is servlet-based.
 */
public final class Problems {

    private static final String PREFIX = "urn:duban:problem:";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String detail, String requestId) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(PREFIX + slug(status.value())));
        HttpStatus known = HttpStatus.resolve(status.value());
        if (known != null) {
            problem.setTitle(known.getReasonPhrase());
        }
        problem.setProperty("requestId", requestId);
        return problem;
    }

    public static ProblemDetail invalid(List<FieldProblem> errors, String requestId) {
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "The request is not valid: " + String.join(", ",
                errors.stream().map(FieldProblem::field).distinct().toList()), requestId);
        problem.setProperty("errors", errors);
        return problem;
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
