package org.duban.gateway.bodylimit;

import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses a request body over {@link BodyLimitProperties#maxRequestBody()} to the gateway's own endpoints (dev
 * tokens; the routed requests: {@code routing.Forwarder}) with a {@code 413 payload-too-large} problem: at once
 * when its {@code Content-Length} says so (the body is not read), otherwise — a chunked body has no length — by
 * reading it, counting the bytes, up to the limit. A body within the limit goes on from memory. Runs after
 * Spring Security, so a request without a valid token is answered 401 and its body never read.
 */
@Component
@Order(0)
class BodyLimitFilter implements WebFilter {

    private final BodyLimitProperties limit;

    BodyLimitFilter(BodyLimitProperties limit) {
        this.limit = limit;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        long announced = headers.getContentLength();
        if (announced > limit.maxBytes()) {
            return Mono.error(tooLarge());
        }
        if (announced <= 0 && !headers.containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
            return chain.filter(exchange);
        }
        return DataBufferUtils.join(exchange.getRequest().getBody(), limit.maxBytes())
                .onErrorMap(DataBufferLimitException.class, exceeded -> tooLarge())
                .map(BodyLimitFilter::copyAndRelease)
                .defaultIfEmpty(new byte[0])
                .flatMap(body -> chain.filter(exchange.mutate()
                        .request(withBody(exchange.getRequest(), body, exchange.getResponse().bufferFactory()))
                        .build()));
    }

    private ResponseStatusException tooLarge() {
        return new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE, "The request body is larger than the "
                + limit.maxRequestBody().toBytes() + " bytes the gateway accepts.");
    }

    private static byte[] copyAndRelease(DataBuffer joined) {
        try {
            byte[] bytes = new byte[joined.readableByteCount()];
            joined.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(joined);
        }
    }

    /** The request with the body read so far. */
    private static ServerHttpRequest withBody(ServerHttpRequest request, byte[] body, DataBufferFactory buffers) {
        return new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(() -> Flux.just(buffers.wrap(body)));
            }
        };
    }
}
