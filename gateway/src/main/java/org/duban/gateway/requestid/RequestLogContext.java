package org.duban.gateway.requestid;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler;
import org.slf4j.MDC;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;

/**
 * The request's trace id, span id and request id in the logging MDC while the gateway writes one of its own
 * log lines about it ({@code try (var context = RequestLogContext.of(exchange)) { log... }}), on whichever
 * thread that happens. Taken from the exchange rather than carried by Reactor from operator to operator
 * (context propagation {@code auto}), which cost every request a share of its CPU for lines written once.
 */
public final class RequestLogContext implements AutoCloseable {

    static final String TRACE_ID = "traceId";
    static final String SPAN_ID = "spanId";
    static final String REQUEST_ID = "requestId";

    private RequestLogContext() {
    }

    /** Puts the exchange's ids in the MDC until {@link #close()}. */
    public static RequestLogContext of(ServerWebExchange exchange) {
        Span span = ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .map(context -> context.<TracingObservationHandler.TracingContext>get(
                        TracingObservationHandler.TracingContext.class))
                .map(TracingObservationHandler.TracingContext::getSpan)
                .orElse(null);
        if (span != null) {
            MDC.put(TRACE_ID, span.context().traceId());
            MDC.put(SPAN_ID, span.context().spanId());
        }
        String requestId = exchange.getAttribute(RequestIdFilter.ATTRIBUTE);
        if (requestId != null) {
            MDC.put(REQUEST_ID, requestId);
        }
        return new RequestLogContext();
    }

    /** Puts these ids in the MDC until {@link #close()} (the forwarder's requests, which have no exchange). */
    public static RequestLogContext of(String traceId, String spanId, String requestId) {
        MDC.put(TRACE_ID, traceId);
        MDC.put(SPAN_ID, spanId);
        MDC.put(REQUEST_ID, requestId);
        return new RequestLogContext();
    }

    @Override
    public void close() {
        MDC.remove(TRACE_ID);
        MDC.remove(SPAN_ID);
        MDC.remove(REQUEST_ID);
    }
}
