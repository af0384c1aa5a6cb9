package org.duban.gateway.tracing;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** The traces of unsampled requests, made without span objects; sampled ones: TracePropagationTest. */
class TracesTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    /** No tracer in the context, as with tracing off: nothing is sampled. */
    private final Traces traces = new Traces(new StaticListableBeanFactory().getBeanProvider(Tracer.class),
            new StaticListableBeanFactory().getBeanProvider(Propagator.class), 1.0);

    @Test
    void continuesTheCallersTraceWithANewSpanFlaggedNotSampled() {
        // when
        Trace trace = traces.start("00-" + TRACE_ID + "-00f067aa0ba902b7-01", "GET", "/api/v1/cases");

        // then
        assertThat(trace.traceId()).isEqualTo(TRACE_ID);
        assertThat(trace.spanId()).matches("[0-9a-f]{16}").isNotEqualTo("00f067aa0ba902b7");
        assertThat(trace.callStarted("intake-service", "GET")).matches("00-" + TRACE_ID + "-[0-9a-f]{16}-00");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "garbage", "01-" + TRACE_ID + "-00f067aa0ba902b7-01",
        "00-00000000000000000000000000000000-00f067aa0ba902b7-01", "00-" + TRACE_ID + "-0000000000000000-01",
        "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01", "00-" + TRACE_ID + "-00f067aa0ba902b7-01-extra"})
    void startsATraceOfItsOwnForAMalformedTraceparent(String traceparent) {
        // when
        Trace trace = traces.start(traceparent, "GET", "/api/v1/cases");

        // then
        assertThat(trace.traceId()).matches("[0-9a-f]{32}").isNotEqualTo(TRACE_ID).isNotEqualTo("0".repeat(32));
    }
}
