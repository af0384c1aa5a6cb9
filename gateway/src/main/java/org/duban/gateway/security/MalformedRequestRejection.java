package org.duban.gateway.security;

import org.duban.gateway.problem.InvalidRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Spring Security's {@link StrictServerWebExchangeFirewall} refuses requests that could mean one thing here
 * and another at a service: above all paths with {@code %00}, an encoded {@code /}, {@code \}, {@code .} or
 * {@code %}, a backslash, {@code ;} parameters, {@code //} or {@code .}/{@code ..} segments, and also unusual
 * methods and control characters in headers or parameters. By itself it answers an empty 400; this turns
 * each refusal into a problem like every other error of the gateway: {@code invalid-request} naming what
 * was refused ({@code path}, {@code headers}, {@code query}), or {@code 405} for a method.
 */
@Component
class MalformedRequestRejection implements ServerExchangeRejectedHandler {

    private static final Logger log = LoggerFactory.getLogger(MalformedRequestRejection.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejection) {
        // the firewall says what it refused only in its message
        String reason = String.valueOf(rejection.getMessage());
        log.debug("Refused {} {}: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), reason);
        if (reason.contains("HTTP method")) {
            return Mono.error(new ResponseStatusException(HttpStatus.METHOD_NOT_ALLOWED,
                    "The method " + exchange.getRequest().getMethod() + " is not allowed."));
        }
        if (reason.contains("header")) {
            return Mono.error(new InvalidRequest("headers", "must hold only printable characters"));
        }
        if (reason.contains("parameter")) {
            return Mono.error(new InvalidRequest("query", "must hold only printable characters"));
        }
        return Mono.error(new InvalidRequest("path", "must not contain %00, %25, encoded '/', '\\' or '.', "
                + "a backslash, ';' parameters, '//', '.' or '..' segments or control characters"));
    }
}
