package org.duban.gateway.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.duban.contracts.problems.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * The gateway's problem documents: the same {@code urn:duban:problem:<slug>} types as the services'
 * ({@link ProblemTypes}), the status's title, the request id.
 */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String detail, String requestId) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(ProblemTypes.forStatus(status.value()));
        HttpStatus known = HttpStatus.resolve(status.value());
        if (known != null) {
            problem.setTitle(known.getReasonPhrase());
        }
        problem.setProperty("requestId", requestId);
        return problem;
    }

    /**
     * The problem's members as every problem document of the gateway carries them, for the answers written
     * outside Spring's codecs (the forwarder's, the refusals in the connection's pipeline).
     */
    public static Map<String, Object> members(ProblemDetail problem) {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("type", problem.getType().toString());
        members.put("title", problem.getTitle());
        members.put("status", problem.getStatus());
        members.put("detail", problem.getDetail());
        if (problem.getProperties() != null) {
            members.putAll(problem.getProperties());
        }
        return members;
    }

    public static ProblemDetail invalid(List<FieldProblem> errors, String requestId) {
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "The request is not valid: " + String.join(", ",
                errors.stream().map(FieldProblem::field).distinct().toList()), requestId);
        problem.setProperty("errors", errors);
        return problem;
    }
}
