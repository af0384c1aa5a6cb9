package org.duban.gateway.routing;

import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;

/**
 * A route as the forwarder uses it: the service's name, its connections, the path its address puts before every
 * target, its circuit breaker and its timeout.
 *
 * @param name the route's name, also its breaker's and its time limiter's
 * @param service the service's name in answers and log lines
 * @param connections the kept-alive connections to the service (shared by the routes to the same host and port)
 * @param base the path of the service's address, without a trailing {@code /} (usually empty), before every target
 * @param breaker the route's breaker
 * @param timeout how long the service may take to answer (between two reads of its answer)
 */
record Route(String name, String service, ServiceConnections connections, String base, CircuitBreaker breaker,
        Duration timeout) {
}
