package org.duban.gateway.routing;

import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR;

/**
 * Where each route's circuit breaker forwards when its service refuses the connection, does not answer
 * within the timeout, or its breaker is open: a 503 {@code service-unavailable} problem naming the service.
 * A service's own error answers are not failures and never come here. Called directly (without a breaker's
 * failure behind it) the path does not exist.
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
        log.warn("{} is unavailable: {}", service, reason);
        return Mono.error(new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                service + " is unavailable: " + reason + ". Try again later."));
    }

    private String reason(Throwable failure) {
        if (failure instanceof CallNotPermittedException) {
            return "its circuit breaker is open after repeated failures";
        }
        boolean clientTimedOut = failure instanceof ResponseStatusException answer
                && answer.getStatusCode() == HttpStatus.GATEWAY_TIMEOUT;
        if (failure instanceof TimeoutException || clientTimedOut) {
            return "it did not answer within " + routing.timeout().toMillis() + " ms";
        }
        return "it could not be reached";
    }
}
