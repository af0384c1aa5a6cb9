package org.duban.gateway.routing;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the gateway sends what, and how it holds its connections to the services ({@code duban.gateway.*}).
 *
 * @param timeout how long a service may take to answer before the gateway gives up on it (each route's time
 *        limiter, {@code resilience4j.timelimiter.*}, defaults to it)
 * @param connectTimeout how long the gateway waits for a TCP connection to a service
 *        ({@code DUBAN_GATEWAY_CONNECT_TIMEOUT_MS})
 * @param trustedProxies a regular expression of the addresses of proxies in front of the gateway whose
 *        {@code X-Forwarded-*} headers are kept ({@code DUBAN_TRUSTED_PROXIES}); by default none
 * @param pool the kept-alive connections to each service
 * @param routes the routes by the name of their circuit breaker (also the name of their time limiter)
 */
@ConfigurationProperties("duban.gateway")
public record RoutingProperties(Duration timeout, @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("(?!)") String trustedProxies, @DefaultValue Pool pool, Map<String, RouteSettings> routes) {

    public RoutingProperties {
        routes = routes == null ? Map.of() : routes;
    }

    /**
     * The gateway's connection pool to each service (per host and port).
     *
     * @param maxConnections kept-alive connections to each service, at most ({@code DUBAN_GATEWAY_POOL_MAX_CONNECTIONS})
     * @param acquireTimeout how long a call waits for a free connection before it is answered 503: the gateway's
     *        saturation, not counted by the breaker ({@code DUBAN_GATEWAY_POOL_ACQUIRE_TIMEOUT_MS})
     * @param maxIdleTime an idle connection is closed after this, below the services' keep-alive timeout
     *        ({@code DUBAN_GATEWAY_POOL_MAX_IDLE_TIME})
     * @param evictionInterval how often idle connections are looked for
     */
    public record Pool(@DefaultValue("200") int maxConnections, @DefaultValue("5s") Duration acquireTimeout,
            @DefaultValue("20s") Duration maxIdleTime, @DefaultValue("10s") Duration evictionInterval) {
    }

    /**
     * One route: the paths it takes and the service behind them.
     *
     * @param uri where the service listens, e.g. {@code http://localhost:8081}
     * @param paths the paths it takes: {@code /x/**} is {@code /x} and everything below it, any other path only itself
     * @param service the service's name in the answers and logs when it fails (default: the route's name)
     */
    public record RouteSettings(URI uri, List<String> paths, String service) {
    }
}
