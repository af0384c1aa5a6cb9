package org.duban.platform.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import org.duban.platform.domain.Conflict;
import org.duban.platform.domain.DomainException;
import org.duban.platform.domain.Forbidden;
import org.duban.platform.domain.InvalidInput;
import org.duban.platform.domain.InvalidInput.FieldProblem;
import org.duban.platform.domain.NotFound;
import org.duban.platform.domain.StateConflict;
import org.duban.platform.outbox.AggregateWriter.ConcurrentModification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The one place where errors become {@code application/problem+json} (RFC 9457). Business
 * rejections come as {@link DomainException}s; malformed input as Spring's own exceptions, each
 * answered 400 with the offending fields named; a body over the limit as {@link RequestBodyTooLarge}, 413.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(DomainException.class)
    ResponseEntity<Object> domain(DomainException e) {
        if (e instanceof NotFound) {
            return problem(HttpStatus.NOT_FOUND, e.getMessage());
        }
        if (e instanceof StateConflict conflict) {
            ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, conflict.getMessage());
            problem.setProperty("state", conflict.state());
            return respond(problem);
        }
        if (e instanceof Conflict) {
            return problem(HttpStatus.CONFLICT, e.getMessage());
        }
        if (e instanceof InvalidInput invalid) {
            return respond(Problems.invalid(invalid.problems()));
        }
        if (e instanceof Forbidden) {
            return problem(HttpStatus.FORBIDDEN, e.getMessage());
        }
        throw new IllegalStateException("unmapped domain exception " + e.getClass().getName(), e);
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<Object> unauthenticated(AuthenticationException e) {
        ProblemDetail problem = Problems.of(HttpStatus.UNAUTHORIZED, "A valid bearer token is required.");
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> accessDenied(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "Your role may not do this.");
    }

    @ExceptionHandler(ConcurrentModification.class)
    ResponseEntity<Object> concurrent(ConcurrentModification e) {
        return problem(HttpStatus.CONFLICT, e.getMessage() + "; read it again and retry");
    }

    @ExceptionHandler(RequestBodyTooLarge.class)
    ResponseEntity<Object> bodyTooLarge(RequestBodyTooLarge e) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e) {
        return respond(Problems.invalid(List.of(new FieldProblem(e.getName(), "has an invalid value"))));
    }

    /**
     * A request parameter breaking a constraint of the OpenAPI document: the generated interfaces are
     * {@code @Validated}, so their parameter constraints are checked by a method-validation proxy.
     */
    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException e) {
        List<FieldProblem> errors = e.getConstraintViolations().stream()
                .map(violation -> new FieldProblem(leaf(violation.getPropertyPath()), violation.getMessage()))
                .sorted(Comparator.comparing(FieldProblem::field))
                .toList();
        return respond(Problems.invalid(errors));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        log.error("unexpected error", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "An unexpected error occurred; it has been logged.");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            errors.add(new FieldProblem(error.getField(), error.getDefaultMessage()));
        }
        e.getBindingResult().getGlobalErrors()
                .forEach(error -> errors.add(new FieldProblem(error.getObjectName(), error.getDefaultMessage())));
        return respond(Problems.invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> {
            String name = result.getMethodParameter().getParameterName();
            for (MessageSourceResolvable error : result.getResolvableErrors()) {
                String field = error instanceof FieldError fieldError ? fieldError.getField() : name;
                errors.add(new FieldProblem(field, error.getDefaultMessage()));
            }
        });
        return respond(Problems.invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestBodyTooLarge tooLarge) {
                return bodyTooLarge(tooLarge);
            }
        }
        return respond(Problems.invalid(List.of(unreadable(e))));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail detail ? detail : Problems.of(status, e.getMessage());
        if (e instanceof MissingRequestHeaderException missing) {
            return respond(Problems.invalid(List.of(new FieldProblem(missing.getHeaderName(), "is required"))));
        }
        Problems.decorate(problem);
        return ResponseEntity.status(status).headers(headers).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static FieldProblem unreadable(HttpMessageNotReadableException e) {
        Throwable cause = databindCause(e);
        if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            String field = path(databind);
            if (cause instanceof UnrecognizedPropertyException) {
                return new FieldProblem(field, "is not a known field");
            }
            if (cause instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                    && invalid.getTargetType().isEnum()) {
                return new FieldProblem(field, "must be one of " + Arrays.toString(
                        invalid.getTargetType().getEnumConstants()));
            }
            return new FieldProblem(field, "has an invalid value");
        }
        return new FieldProblem("body", "is not readable JSON");
    }

    /**
     * The Jackson exception that knows the field: not always the most specific cause, since a bad
     * date-time is an {@code InvalidFormatException} caused by a {@code DateTimeParseException}.
     */
    private static Throwable databindCause(HttpMessageNotReadableException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof DatabindException) {
                return cause;
            }
        }
        return e.getMostSpecificCause();
    }

    /**
     * {@code getStatistics.unitId} → {@code unitId}; an element of a list parameter is named by its
     * parameter ({@code listCases.ids[0].<list element>} → {@code ids}).
     */
    private static String leaf(Path path) {
        String name = null;
        for (Path.Node node : path) {
            if (node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                name = node.getName();
            }
        }
        return name == null ? "request" : name;
    }

    private static String path(DatabindException e) {
        StringBuilder path = new StringBuilder();
        for (var reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String detail) {
        return respond(Problems.of(status, detail));
    }

    private static ResponseEntity<Object> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
