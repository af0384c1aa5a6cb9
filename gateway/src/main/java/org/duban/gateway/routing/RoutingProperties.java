package org.duban.gateway.routing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long a service may take to answer before the gateway gives up on it. The same value feeds the
 * Resilience4j TimeLimiter and the HTTP client's response timeout in {@code application.yml}.
 *
 * @param timeout how long a service may take to answer before the gateway gives up on it
 */
@ConfigurationProperties("duban.gateway")
public record RoutingProperties(Duration timeout) {
}
