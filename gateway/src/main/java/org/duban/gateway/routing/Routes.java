package org.duban.gateway.routing;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The routes of {@code duban.gateway.routes}, made once at start-up: each path a route takes, longest first,
 * and for each route its connections ({@link ServiceConnections}: {@code duban.gateway.pool}, one pool per host and
 * port, shared by the routes to it), its breaker ({@code resilience4j.circuitbreaker.instances.<route>}) and its
 * timeout (the timeout of its time limiter, {@code resilience4j.timelimiter.instances.<route>}, by default
 * {@code duban.gateway.timeout}).
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

    private final Map<String, ServiceConnections> pools = new LinkedHashMap<>();
    private final List<Taken> taken;
    private final List<Route> routes;

    Routes(RoutingProperties properties, CircuitBreakerRegistry breakers, TimeLimiterRegistry timeLimiters) {
        List<Taken> paths = new ArrayList<>();
        List<Route> made = new ArrayList<>();
        for (Map.Entry<String, RoutingProperties.RouteSettings> entry : properties.routes().entrySet()) {
            String name = entry.getKey();
            RoutingProperties.RouteSettings settings = entry.getValue();
            if (settings.uri() == null || settings.paths() == null || settings.paths().isEmpty()) {
                throw new IllegalArgumentException("duban.gateway.routes." + name + " needs a uri and paths");
            }
            Duration timeout = timeLimiters.timeLimiter(name).getTimeLimiterConfig().getTimeoutDuration();
            URI uri = settings.uri();
            if (!"http".equals(uri.getScheme()) || uri.getHost() == null || uri.getRawQuery() != null) {
                throw new IllegalArgumentException("duban.gateway.routes." + name
                        + ".uri must be http://host[:port][/path] (the services speak plain HTTP inside the platform's"
                        + " network), not " + uri);
            }
            int port = uri.getPort() < 0 ? 80 : uri.getPort();
            ServiceConnections connections = pools.computeIfAbsent(uri.getHost() + ":" + port,
                    any -> new ServiceConnections(uri.getHost(), port, properties.pool(), properties.connectTimeout()));
            String base = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
            Route route = new Route(name, settings.service() == null ? name : settings.service(), connections, base,
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
        pools.values().forEach(ServiceConnections::close);
    }
}
