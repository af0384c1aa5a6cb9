package org.duban.gateway.requestid;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Runs before everything else (security included) on the requests the gateway answers itself (the forwarded
 * ones: {@code routing.Forwarder}, with {@link #keepOrMake}): keeps a well-formed incoming {@code X-Request-Id} or
 * makes a UUID, returns it on every response (errors too) and keeps it on the exchange for the gateway's log
 * lines ({@link RequestLogContext}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIdFilter implements WebFilter {

    public static final String HEADER = "X-Request-Id";
    static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".requestId";
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    /** The request id of an exchange that went through this filter. */
    public static String of(ServerWebExchange exchange) {
        return exchange.getRequiredAttribute(ATTRIBUTE);
    }

    /** The incoming id when it is well-formed, else a new UUID. */
    public static String keepOrMake(String incoming) {
        return incoming != null && WELL_FORMED.matcher(incoming).matches() ? incoming : randomUuid();
    }

    /**
     * A random (version 4) UUID from the thread's own generator: a request id only tells requests apart in the
     * logs, it guards nothing, so it needs no {@link UUID#randomUUID()} (a shared, locked SecureRandom: a
     * noticeable share of a request's CPU on a busy gateway).
     */
    static String randomUuid() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = random.nextLong() & ~0xF000L | 0x4000L;
        long low = random.nextLong() & ~(0xC000_0000_0000_0000L) | 0x8000_0000_0000_0000L;
        return new UUID(high, low).toString();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String requestId = keepOrMake(exchange.getRequest().getHeaders().getFirst(HEADER));
        exchange.getAttributes().put(ATTRIBUTE, requestId);
        exchange.getResponse().beforeCommit(() -> {
            exchange.getResponse().getHeaders().set(HEADER, requestId);
            return Mono.empty();
        });
        ServerWebExchange forwarded = exchange.mutate()
                .request(request -> request.headers(headers -> headers.set(HEADER, requestId)))
                .build();
        return chain.filter(forwarded);
    }
}
