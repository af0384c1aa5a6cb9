package org.duban.gateway.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.OtelSpan;
import io.opentelemetry.api.trace.StatusCode;

/**
 * One routed request's trace ({@link Traces}): its ids for the log lines, the {@code traceparent} for the
 * service, and — when sampled — its server span and the client span of the call to the service.
 */
public final class Trace {

    private final Tracer tracer;
    private final Span server;
    private final String traceId;
    private final String spanId;
    private Span client;

    private Trace(Tracer tracer, Span server, String traceId, String spanId) {
        this.tracer = tracer;
        this.server = server;
        this.traceId = traceId;
        this.spanId = spanId;
    }

    static Trace sampled(Tracer tracer, Span server) {
        return new Trace(tracer, server, server.context().traceId(), server.context().spanId());
    }

    static Trace unsampled(String traceId, String spanId) {
        return new Trace(null, null, traceId, spanId);
    }

    public String traceId() {
        return traceId;
    }

    /** The gateway's (server) span id. */
    public String spanId() {
        return spanId;
    }

    /**
     * The {@code traceparent} of the call to the service: the client span's when sampled (started here, once per
     * request however many times it is sent), else a new span id flagged not sampled.
     */
    public String callStarted(String service, String method) {
        if (server == null) {
            return "00-" + traceId + "-" + Traces.randomId() + "-00";
        }
        if (client == null) {
            client = tracer.spanBuilder().setParent(server.context()).name(method).kind(Span.Kind.CLIENT)
                    .remoteServiceName(service).start();
        }
        return "00-" + traceId + "-" + client.context().spanId() + "-01";
    }

    /** The service answered with this status, or the call failed ({@code failure} not null). */
    public void callEnded(int status, Throwable failure) {
        if (client != null) {
            if (failure != null) {
                client.error(failure);
            } else {
                client.tag("status", Integer.toString(status));
            }
            client.end();
            client = null;
        }
    }

    /** The gateway has answered (or given up): ends the server span with the status it sent, its own status OK. */
    public void ended(int status) {
        if (server != null) {
            callEnded(0, null);
            server.tag("status", Integer.toString(status));
            if (server instanceof OtelSpan) {
                // what Micrometer's end() does to a span with no status of its own (this one never has one), without
                // first copying the whole span to find that out
                OtelSpan.toOtel(server).setStatus(StatusCode.OK).end();
            } else {
                server.end();
            }
        }
    }
}
