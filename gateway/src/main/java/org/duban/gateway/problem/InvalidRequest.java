package org.duban.gateway.problem;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** A request that breaks a rule bean validation cannot express; answered as {@code invalid-request}. */
public class InvalidRequest extends ResponseStatusException {

    private final transient List<FieldProblem> errors;

    public InvalidRequest(String field, String message) {
        super(HttpStatus.BAD_REQUEST, field + " " + message);
        this.errors = List.of(new FieldProblem(field, message));
    }

    public List<FieldProblem> errors() {
        return errors;
    }
}
