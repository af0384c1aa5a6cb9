package org.duban.gateway.routing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.netty.channel.ChannelOption;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * The routes of {@code duban.gateway.routes}, made once at start-up: each path a route takes, longest first,
 * and for each route its client (on one connection pool: {@code duban.gateway.pool}, per host and port), its
 * breaker ({@code resilience4j.circuitbreaker.instances.<route>}) and its timeout (the timeout of its time
 * limiter, {@code resilience4j.timelimiter.instances.<route>}, by default {@code duban.gateway.timeout}).
 */
@Component
class Routes implements DisposableBean {

    /**
     * A path a route takes: exactly {@code path}, or (a {@code /**} path) also everything below it.
     *
     * @param pattern the path as configured, e.g. {@code /api/v1/units/**}
     * @param path the path without {@code /**}
     * @param below whether the paths below it are taken too
     * @param route the route
     */
    record Taken(String pattern, String path, boolean below, Route route) {

        boolean takes(String requested) {
            if (!requested.startsWith(path)) {
                return false;
            }
            return requested.length() == path.length() || below && requested.charAt(path.length()) == '/';
        }
    }

    private final ConnectionProvider pool;
    private final List<Taken> taken;
    private final List<Route> routes;

    Routes(RoutingProperties properties, CircuitBreakerRegistry breakers, TimeLimiterRegistry timeLimiters) {
        RoutingProperties.Pool pooling = properties.pool();
        this.pool = ConnectionProvider.builder("services")
                .maxConnections(pooling.maxConnections())
                .pendingAcquireTimeout(pooling.acquireTimeout())
                .maxIdleTime(pooling.maxIdleTime())
                .evictInBackground(pooling.evictionInterval())
                .build();
        List<Taken> paths = new ArrayList<>();
        List<Route> made = new ArrayList<>();
        for (Map.Entry<String, RoutingProperties.RouteSettings> entry : properties.routes().entrySet()) {
            String name = entry.getKey();
            RoutingProperties.RouteSettings settings = entry.getValue();
            if (settings.uri() == null || settings.paths() == null || settings.paths().isEmpty()) {
                throw new IllegalArgumentException("duban.gateway.routes." + name + " needs a uri and paths");
            }
            Duration timeout = timeLimiters.timeLimiter(name).getTimeLimiterConfig().getTimeoutDuration();
            HttpClient client = HttpClient.create(pool)
                    .baseUrl(settings.uri().toString())
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) properties.connectTimeout().toMillis())
                    .responseTimeout(timeout);
            Route route = new Route(name, settings.service() == null ? name : settings.service(), client,
                    breakers.circuitBreaker(name), timeout);
            made.add(route);
            for (String path : settings.paths()) {
                boolean below = path.endsWith("/**");
                paths.add(new Taken(path, below ? path.substring(0, path.length() - 3) : path, below, route));
            }
        }
        paths.sort(Comparator.comparingInt((Taken path) -> path.path().length()).reversed());
        this.taken = List.copyOf(paths);
        this.routes = List.copyOf(made);
    }

    /** The route's path that takes this path (no query), or null. */
    Taken find(String path) {
        for (Taken candidate : taken) {
            if (candidate.takes(path)) {
                return candidate;
            }
        }
        return null;
    }

    /** Every route, in the order configured. */
    List<Route> all() {
        return routes;
    }

    @Override
    public void destroy() {
        pool.dispose();
    }
}
