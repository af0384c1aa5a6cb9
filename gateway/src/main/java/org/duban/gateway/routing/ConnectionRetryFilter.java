package org.duban.gateway.routing;

import java.util.Set;

import org.duban.gateway.requestid.RequestLogContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.netty.channel.AbortedException;
import reactor.netty.http.client.PrematureCloseException;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CLIENT_RESPONSE_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

/**
 * Sends a {@code GET}, {@code HEAD} or {@code OPTIONS} once more when its connection to the service broke
 * before any answer came: a kept-alive connection that the service closed (or reset) just as the request
 * went out on it — the connection's failure, not the service's. Runs inside the route's circuit breaker, so
 * a call that succeeds the second time is one success; one that fails again is one failure. Other methods
 * are never sent twice: the service may have acted on the first one. Refused connections and timeouts are
 * not retried (the service is down or stuck; a second try would only wait again).
 */
@Component
class ConnectionRetryFilter implements GlobalFilter, Ordered {

    /** Just before the filters that send the request (Netty routing: {@link Ordered#LOWEST_PRECEDENCE}). */
    static final int ORDER = Ordered.LOWEST_PRECEDENCE - 10;

    private static final Logger log = LoggerFactory.getLogger(ConnectionRetryFilter.class);
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (!SAFE.contains(exchange.getRequest().getMethod())) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange).onErrorResume(failure -> brokenBeforeAnswer(exchange, failure), failure -> {
            try (RequestLogContext context = RequestLogContext.of(exchange)) {
                log.warn("{}: {} {}: the connection broke before an answer ({}); sending it once more",
                        service(exchange), exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
                        ServiceFallbackController.cause(failure));
            }
            ServerWebExchangeUtils.reset(exchange);
            return chain.filter(exchange);
        });
    }

    private static boolean brokenBeforeAnswer(ServerWebExchange exchange, Throwable failure) {
        boolean broken = failure instanceof PrematureCloseException || AbortedException.isConnectionReset(failure);
        return broken && exchange.getAttribute(CLIENT_RESPONSE_ATTR) == null && !exchange.getResponse().isCommitted();
    }

    private static String service(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
        return route == null ? "-" : route.getId();
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
