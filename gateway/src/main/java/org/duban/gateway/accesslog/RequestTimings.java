package org.duban.gateway.accesslog;

import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/**
 * The {@code http.server.requests} timer of the requests the forwarder answers ({@code routing.Forwarder}), with
 * the tags Spring's observations give the gateway's other requests ({@code uri}: the route's path, e.g.
 * {@code /api/v1/units/**}), so the dashboards' request rate, latency and 5xx panels see the gateway as before
 * (ADR 0007: the metric names are a contract with them). One timer per route path, method and status, made once.
 */
@Component
public class RequestTimings {

    private record Key(String uri, String method, int status) {
    }

    private final MeterRegistry registry;
    private final ConcurrentHashMap<Key, Timer> timers = new ConcurrentHashMap<>();

    RequestTimings(MeterRegistry registry) {
        this.registry = registry;
    }

    /** A request to a route's {@code uri} answered with {@code status} after {@code nanos}. */
    public void record(String uri, String method, int status, long nanos) {
        Timer timer = timers.get(new Key(uri, method, status));
        if (timer == null) {
            timer = timers.computeIfAbsent(new Key(uri, method, status), this::timer);
        }
        timer.record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    private Timer timer(Key key) {
        return Timer.builder("http.server.requests")
                .tag("error", "none")
                .tag("exception", "none")
                .tag("method", key.method())
                .tag("outcome", outcome(key.status()))
                .tag("status", Integer.toString(key.status()))
                .tag("uri", key.uri())
                .register(registry);
    }

    private static String outcome(int status) {
        return switch (status / 100) {
            case 1 -> "INFORMATIONAL";
            case 2 -> "SUCCESS";
            case 3 -> "REDIRECTION";
            case 4 -> "CLIENT_ERROR";
            case 5 -> "SERVER_ERROR";
            default -> "UNKNOWN";
        };
    }
}
