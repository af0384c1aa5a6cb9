package org.duban.gateway.routing;

import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import reactor.netty.http.client.HttpClient;

/**
 * A route as the forwarder uses it: the service's name, its pooled client (base URL, connect and response
 * timeouts), its circuit breaker and its timeout.
 *
 * @param name the route's name, also its breaker's and its time limiter's
 * @param service the service's name in answers and log lines
 * @param client the pooled keep-alive client to the service
 * @param breaker the route's breaker
 * @param timeout how long the service may take to answer (between two reads of its answer)
 */
record Route(String name, String service, HttpClient client, CircuitBreaker breaker, Duration timeout) {
}
