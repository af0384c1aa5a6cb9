package org.duban.gateway.accesslog;

import org.duban.gateway.requestid.RequestLogContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * One log line per request the gateway answers itself (the forwarded ones: {@code routing.Forwarder}, the same
 * line) — method, path (no query), status, duration — with the
 * request's trace id, span id and request id in the logging context, so the line can be followed into
 * every service the request reaches. Actuator calls are left out.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class AccessLogFilter implements WebFilter {

    private static final Logger log = LoggerFactory.getLogger("org.duban.access");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        if (path.startsWith("/actuator") || !log.isInfoEnabled()) {
            return chain.filter(exchange);
        }
        long started = System.nanoTime();
        return chain.filter(exchange).doFinally(signal -> log(exchange, path, started));
    }

    private static void log(ServerWebExchange exchange, String path, long started) {
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        try (RequestLogContext context = RequestLogContext.of(exchange)) {
            log.info("{} {} -> {} in {} ms", exchange.getRequest().getMethod(), path,
                    status == null ? "-" : status.value(), (System.nanoTime() - started) / 1_000_000);
        }
    }
}
