package org.duban.gateway.tracing;

import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The trace of each routed request, as the gateway kept it when Spring's observations made it: the caller's
 * W3C {@code traceparent} continued (its sampled flag decides, as the services' parent-based sampler does),
 * else a new trace sampled with {@code management.tracing.sampling.probability} ({@code DUBAN_TRACING_SAMPLING}).
 * A sampled request gets one server span and one client span (the call to the service), made by the
 * application's {@link Tracer} and exported with the rest when export is on. An unsampled one gets no span
 * object at all: its ids are made here and only carried ({@code traceparent} to the service, flagged not
 * sampled; the log lines).
 */
@Component
public class Traces {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final Tracer tracer;
    private final Propagator propagator;
    private final double probability;

    Traces(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator,
            @Value("${management.tracing.sampling.probability:0.1}") double probability) {
        this.tracer = tracer.getIfAvailable();
        this.propagator = propagator.getIfAvailable();
        this.probability = probability;
    }

    /** The request's trace: {@code traceparent} is the caller's header (or null); the server span is {@code http <method>}. */
    public Trace start(String traceparent, String method, String path) {
        boolean continued = wellFormed(traceparent);
        // a caller's sampled trace is sampled whatever the probability, as by the services' parent-based sampler
        if (tracer != null && propagator != null && (continued ? sampledFlag(traceparent) : probability > 0)) {
            Span.Builder builder = continued
                    ? propagator.extract(traceparent, (carrier, key) -> "traceparent".equals(key) ? carrier : null)
                    : tracer.spanBuilder().setNoParent();
            Span server = builder.name("http " + method.toLowerCase(Locale.ROOT)).kind(Span.Kind.SERVER)
                    .tag("method", method).tag("uri", path).start();
            if (Boolean.TRUE.equals(server.context().sampled())) {
                return Trace.sampled(tracer, server);
            }
            // a new trace the sampler did not take (a probability under 1): a span that records nothing
            return Trace.unsampled(server.context().traceId(), randomId());
        }
        String traceId = continued ? traceparent.substring(3, 35) : randomId() + randomId();
        return Trace.unsampled(traceId, randomId());
    }

    /** {@code 00-<32 hex>-<16 hex>-<2 hex>}, ids not all zeros. */
    static boolean wellFormed(String traceparent) {
        if (traceparent == null || traceparent.length() != 55 || !traceparent.startsWith("00-")
                || traceparent.charAt(35) != '-' || traceparent.charAt(52) != '-') {
            return false;
        }
        return hex(traceparent, 3, 35) && hex(traceparent, 36, 52) && hex(traceparent, 53, 55)
                && !zeros(traceparent, 3, 35) && !zeros(traceparent, 36, 52);
    }

    private static boolean sampledFlag(String traceparent) {
        return (Character.digit(traceparent.charAt(54), 16) & 1) == 1;
    }

    private static boolean hex(String value, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    private static boolean zeros(String value, int from, int to) {
        for (int i = from; i < to; i++) {
            if (value.charAt(i) != '0') {
                return false;
            }
        }
        return true;
    }

    /** 16 random lower-case hex digits: a span id, or half a trace id. */
    static String randomId() {
        long value = ThreadLocalRandom.current().nextLong();
        char[] id = new char[16];
        for (int i = 15; i >= 0; i--) {
            id[i] = HEX[(int) value & 0xF];
            value >>>= 4;
        }
        return new String(id);
    }
}
