package org.duban.gateway.security;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The management port serves the actuator and nothing else. WebFlux's management server reuses the
 * gateway's handler mappings, so without this the routes to the services and the console would answer
 * there too: a second door, outside the public port's TLS and the network's rules for it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ManagementPortFilter implements WebFilter {

    static final String MANAGEMENT = "management";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        boolean actuator = path.equals("/actuator") || path.startsWith("/actuator/");
        if (!actuator && WebServerApplicationContext.hasServerNamespace(exchange.getApplicationContext(), MANAGEMENT)) {
            return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
        }
        return chain.filter(exchange);
    }
}
