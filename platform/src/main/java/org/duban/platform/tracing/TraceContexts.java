package org.duban.platform.tracing;

import java.util.HashMap;
import java.util.Map;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import io.micrometer.tracing.CurrentTraceContext;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * Carries a trace across the gap the outbox makes: work that records events and the relay that
 * publishes them later run on different threads, so the events keep the W3C {@code traceparent} of
 * the work that recorded them, and the relay continues that trace while it publishes
 * (docs/adr/0007-deploy.md). Anything else that hands work to a later moment — a delivery retried
 * from a stored record, a sweep — can do the same: store {@link #current()}, then run the later work
 * in {@link #continueTrace} (a span of its own) or {@link #within} (no span: what the work observes,
 * a Kafka send, becomes the stored span's child).
 */
public final class TraceContexts {

    public static final String TRACEPARENT = "traceparent";

    private final ObservationRegistry observations;
    private final Tracer tracer;
    private final Propagator propagator;

    /**
     * @param tracer     null when tracing is off: nothing is recorded and nothing continued
     * @param propagator null when tracing is off
     */
    public TraceContexts(ObservationRegistry observations, Tracer tracer, Propagator propagator) {
        this.observations = observations;
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** No tracing at all (tests, tools). */
    public static TraceContexts none() {
        return new TraceContexts(ObservationRegistry.NOOP, null, null);
    }

    /** The {@code traceparent} of the span current on this thread, or null outside any trace. */
    public String current() {
        if (tracer == null || propagator == null) {
            return null;
        }
        TraceContext context = tracer.currentTraceContext().context();
        if (context == null) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(context, carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /**
     * Runs {@code work} with the stored {@code traceparent} as the current trace context, without a span
     * of its own: an observation inside it — the Kafka template's send — is the stored span's child and
     * passes the trace on, sampled or not as the stored context says. With no (or no valid)
     * {@code traceparent} the work just runs, and what it observes starts a new trace.
     */
    public <E extends Throwable> void within(String traceparent, Observation.CheckedRunnable<E> work) throws E {
        TraceContext stored = tracer == null ? null : parse(traceparent);
        if (stored == null) {
            work.run();
            return;
        }
        try (CurrentTraceContext.Scope scope = tracer.currentTraceContext().newScope(stored)) {
            work.run();
        }
    }

    /**
     * A span of kind {@code CONSUMER}, started now, continuing the stored {@code traceparent}: what the consumer span
     * of the record that carried it would be, for a listener that takes a whole poll and has none per record. The
     * caller ends it. A no-op span when tracing is off or there is no valid {@code traceparent}; not recorded when
     * the stored context was not sampled.
     */
    public Span consuming(String traceparent, String name) {
        TraceContext parent = tracer == null ? null : parse(traceparent);
        if (parent == null) {
            return Span.NOOP;
        }
        return tracer.spanBuilder().setParent(parent).name(name).kind(Span.Kind.CONSUMER).start();
    }

    /**
     * Runs {@code work} with {@code span} current, so that its log lines carry the span's ids; with the stored
     * {@code traceparent} current instead ({@link #within(String, Observation.CheckedRunnable)}) when the span is
     * not recorded.
     */
    public void within(Span span, String traceparent, Runnable work) {
        if (tracer == null || span.isNoop()) {
            within(traceparent, work::run);
            return;
        }
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            work.run();
        }
    }

    /** A W3C {@code traceparent} (version 00) as a trace context, or null if it is not one. */
    private TraceContext parse(String traceparent) {
        if (traceparent == null || traceparent.length() != 55 || !traceparent.startsWith("00-")
                || traceparent.charAt(35) != '-' || traceparent.charAt(52) != '-') {
            return null;
        }
        String traceId = traceparent.substring(3, 35);
        String spanId = traceparent.substring(36, 52);
        String flags = traceparent.substring(53);
        if (!isHex(traceId) || !isHex(spanId) || !isHex(flags) || isZero(traceId) || isZero(spanId)) {
            return null;
        }
        return tracer.traceContextBuilder().traceId(traceId).spanId(spanId)
                .sampled((Integer.parseInt(flags, 16) & 1) == 1).build();
    }

    private static boolean isHex(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isZero(String hex) {
        return hex.chars().allMatch(c -> c == '0');
    }

    /**
     * Runs {@code work} in an observation named {@code name} whose span continues {@code traceparent}
     * (a new trace when it is null). Observations inside it — a Kafka send, an HTTP call — become its
     * children and pass the trace on.
     */
    public <E extends Throwable> void continueTrace(String traceparent, String name,
            Observation.CheckedRunnable<E> work) throws E {
        Map<String, String> carrier = traceparent == null ? Map.of() : Map.of(TRACEPARENT, traceparent);
        ReceiverContext<Map<String, String>> context = new ReceiverContext<>((map, key) -> map.get(key));
        context.setCarrier(carrier);
        context.setRemoteServiceName("outbox");
        Observation.createNotStarted(name, () -> context, observations).observeChecked(work);
    }
}
