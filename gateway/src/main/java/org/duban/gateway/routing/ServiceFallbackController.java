package org.duban.gateway.routing;

import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.duban.gateway.requestid.RequestLogContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.netty.internal.shaded.reactor.pool.PoolAcquirePendingLimitException;
import reactor.netty.internal.shaded.reactor.pool.PoolAcquireTimeoutException;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR;

/**
 * Where each route's circuit breaker forwards when its service refuses the connection, does not answer
 * within the timeout, or its breaker is open — or when the gateway itself has no free connection to it: a
 * 503 {@code service-unavailable} problem naming the service, and a warning with the cause. A service's own
 * error answers are not failures and never come here. Called directly (without a breaker's failure behind
 * it) the path does not exist.
 */
@RestController
class ServiceFallbackController {

    private static final Logger log = LoggerFactory.getLogger(ServiceFallbackController.class);

    private final RoutingProperties routing;

    ServiceFallbackController(RoutingProperties routing) {
        this.routing = routing;
    }

    @RequestMapping("/fallback/{service}")
    Mono<Void> serviceUnavailable(@PathVariable String service, ServerWebExchange exchange) {
        Throwable failure = exchange.getAttribute(CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        if (failure == null) {
            return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
        }
        String reason = reason(failure);
        try (RequestLogContext context = RequestLogContext.of(exchange)) {
            if (failure instanceof CallNotPermittedException) {
                log.warn("{} is unavailable: {}", service, reason);
            } else {
                log.warn("{} is unavailable: {} ({})", service, reason, cause(failure));
            }
        }
        return Mono.error(new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                service + " is unavailable: " + reason + ". Try again later."));
    }

    private String reason(Throwable failure) {
        if (failure instanceof CallNotPermittedException) {
            return "its circuit breaker is open after repeated failures";
        }
        if (failure instanceof PoolAcquireTimeoutException || failure instanceof PoolAcquirePendingLimitException) {
            return "the gateway has too many calls to it under way";
        }
        boolean clientTimedOut = failure instanceof ResponseStatusException answer
                && answer.getStatusCode() == HttpStatus.GATEWAY_TIMEOUT;
        if (failure instanceof TimeoutException || clientTimedOut) {
            return "it did not answer within " + routing.timeout().toMillis() + " ms";
        }
        return "it could not be reached";
    }

    /** The failure and its causes, each as class name and message, e.g. for a refused connection. */
    static String cause(Throwable failure) {
        StringBuilder cause = new StringBuilder();
        for (Throwable current = failure; current != null && cause.length() < 1000; current = current.getCause()) {
            if (!cause.isEmpty()) {
                cause.append("; caused by ");
            }
            cause.append(current.getClass().getName());
            if (current.getMessage() != null) {
                cause.append(": ").append(current.getMessage());
            }
            if (current.getCause() == current) {
                break;
            }
        }
        return cause.toString();
    }
}
