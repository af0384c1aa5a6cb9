package org.duban.gateway.problem;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.duban.gateway.requestid.RequestIdFilter;
import org.duban.gateway.requestid.RequestLogContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;

/**
 * Answers everything Spring WebFlux's part of the gateway rejects or fails at (no route, 401/403 from security,
 * the firewall's refusals, invalid dev-token requests, its own bugs) as a problem document (the forwarder writes
 * its own: {@code routing.Forwarder}). Ahead of Boot's JSON error handler, which would answer
 * {@code {timestamp, path, error}} instead.
 */
@Component
@Order(-2)
class ProblemExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);
    private static final ResolvableType PROBLEM = ResolvableType.forClass(ProblemDetail.class);

    private final HttpMessageWriter<ProblemDetail> writer;

    @SuppressWarnings("unchecked")
    ProblemExceptionHandler(ServerCodecConfigurer codecs) {
        this.writer = (HttpMessageWriter<ProblemDetail>) codecs.getWriters().stream()
                .filter(candidate -> candidate.canWrite(PROBLEM, MediaType.APPLICATION_PROBLEM_JSON))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No writer for application/problem+json"));
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(failure);
        }
        ProblemDetail problem = problemFor(exchange, failure);
        if (failure instanceof ErrorResponse error) {
            response.getHeaders().addAll(error.getHeaders());
        }
        response.setStatusCode(HttpStatus.valueOf(problem.getStatus()));
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return writer.write(Mono.just(problem), PROBLEM, MediaType.APPLICATION_PROBLEM_JSON, response, Map.of());
    }

    private ProblemDetail problemFor(ServerWebExchange exchange, Throwable failure) {
        String requestId = RequestIdFilter.of(exchange);
        if (failure instanceof WebExchangeBindException invalid) {
            return Problems.invalid(invalid.getFieldErrors().stream()
                    .map(error -> new FieldProblem(error.getField(), error.getDefaultMessage()))
                    .toList(), requestId);
        }
        if (failure instanceof InvalidRequest invalid) {
            return Problems.invalid(invalid.errors(), requestId);
        }
        if (failure instanceof ServerWebInputException unreadable) {
            return Problems.invalid(List.of(unreadableField(unreadable)), requestId);
        }
        if (failure instanceof ErrorResponse error) {
            HttpStatus status = HttpStatus.valueOf(error.getStatusCode().value());
            String detail = status == HttpStatus.NOT_FOUND
                    ? "Nothing is served at " + exchange.getRequest().getPath().value() + "."
                    : error.getBody().getDetail();
            return Problems.of(status, detail, requestId);
        }
        try (RequestLogContext context = RequestLogContext.of(exchange)) {
            log.error("Request {} {} failed", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), failure);
        }
        return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "The gateway failed to handle the request.", requestId);
    }

    /** Names the JSON field a body could not be read at, or the body itself when it is missing or no JSON. */
    private static FieldProblem unreadableField(ServerWebInputException unreadable) {
        for (Throwable cause = unreadable; cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
                String path = jackson.getPath().stream()
                        .map(reference -> reference.getPropertyName() != null
                                ? "." + reference.getPropertyName() : "[" + reference.getIndex() + "]")
                        .collect(Collectors.joining());
                String field = path.startsWith(".") ? path.substring(1) : path;
                return new FieldProblem(field, "has a value of the wrong type or not one of the allowed values");
            }
        }
        return new FieldProblem("body", "must be a JSON document of the documented shape");
    }
}
