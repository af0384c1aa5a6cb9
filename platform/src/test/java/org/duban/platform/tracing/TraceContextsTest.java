package org.duban.platform.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.observation.Observation;
import io.micrometer.observation.transport.SenderContext;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.duban.contracts.events.Actor;
import org.duban.contracts.events.AssignmentAccepted;
import org.duban.platform.events.PendingEvent;
import org.duban.platform.events.PendingEvents;
import org.duban.platform.testing.RecordingTracing;
import org.junit.jupiter.api.Test;

class TraceContextsTest {

    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    private final RecordingTracing tracing = new RecordingTracing();
    private final List<SpanData> ended = tracing.ended();
    private final Tracer tracer = tracing.tracer();
    private final ObservationRegistry observations = tracing.observations();
    private final TraceContexts traces = tracing.traces();

    @Test
    void givesTheTraceparentOfTheCurrentSpanAndNothingOutsideAnySpan() {
        // given
        Span span = tracer.nextSpan().name("request").start();

        // when
        String inside;
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            inside = traces.current();
        } finally {
            span.end();
        }

        // then
        assertThat(inside).isEqualTo("00-" + span.context().traceId() + "-" + span.context().spanId() + "-01");
        assertThat(traces.current()).isNull();
        assertThat(TraceContexts.none().current()).isNull();
    }

    @Test
    void continuesTheStoredTraceInANewSpanLaterOnAnotherThread() throws Exception {
        // given: what an outbox entry stored
        AtomicReference<String> seen = new AtomicReference<>();

        // when: the relay publishes on its own thread
        Thread relay = new Thread(() -> traces.continueTrace(TRACEPARENT, "duban.outbox.publish",
                () -> seen.set(traces.current())));
        relay.start();
        relay.join();

        // then: same trace, a span of its own
        assertThat(seen.get()).startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-").endsWith("-01")
                .isNotEqualTo(TRACEPARENT);
    }

    @Test
    void startsANewTraceWhenTheEntryCarriesNone() {
        AtomicReference<String> seen = new AtomicReference<>();

        traces.continueTrace(null, "duban.outbox.publish", () -> seen.set(traces.current()));

        assertThat(seen.get()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01").doesNotContain("4bf92f3577b34da6");
    }

    @Test
    void withinAStoredTraceASendIsAChildOfTheStoredSpanAndNoSpanIsAddedAroundIt() throws Exception {
        // given: what an outbox entry stored, and the relay on its own thread
        Map<String, String> headers = new HashMap<>();

        // when: the relay publishes within it (the Kafka template observes the send)
        Thread relay = new Thread(() -> traces.within(TRACEPARENT, () -> send(headers)));
        relay.start();
        relay.join();

        // then: one span, the send's, whose parent is the span that stored the event; the record carries it on
        assertThat(ended).singleElement().satisfies(span -> {
            assertThat(span.getName()).isEqualTo("send");
            assertThat(span.getTraceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
            assertThat(span.getParentSpanId()).isEqualTo("00f067aa0ba902b7");
            assertThat(headers.get("traceparent"))
                    .isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-" + span.getSpanId() + "-01");
        });
    }

    @Test
    void anUnsampledStoredTraceIsPassedOnUnsampledWithItsIdAndRecordsNoSpan() throws Exception {
        // given
        Map<String, String> headers = new HashMap<>();

        // when
        traces.within("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00", () -> send(headers));

        // then: the logs and the next service still see the trace id; nothing is recorded or exported
        assertThat(headers.get("traceparent")).startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-").endsWith("-00");
        assertThat(ended).isEmpty();
    }

    @Test
    void withoutAStoredTraceTheSendStartsANewOne() {
        Map<String, String> headers = new HashMap<>();

        traces.within(null, () -> send(headers));
        traces.within("not-a-traceparent", () -> send(headers));

        assertThat(ended).hasSize(2).allSatisfy(span -> assertThat(span.getParentSpanId()).isEqualTo("0000000000000000"));
    }

    @Test
    void aConsumerSpanContinuesTheStoredTraceAndItsLogLinesCarryIt() {
        // given: a listener that took a whole poll, at one event whose record carried TRACEPARENT
        AtomicReference<String> logged = new AtomicReference<>();

        // when
        Span span = traces.consuming(TRACEPARENT, "duban.intake.events process");
        traces.within(span, TRACEPARENT, () -> logged.set(traces.current()));
        span.end();

        // then: a CONSUMER span, the child of the span that published the event; the log line is within it
        assertThat(ended).singleElement().satisfies(consumed -> {
            assertThat(consumed.getName()).isEqualTo("duban.intake.events process");
            assertThat(consumed.getKind()).isEqualTo(SpanKind.CONSUMER);
            assertThat(consumed.getTraceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
            assertThat(consumed.getParentSpanId()).isEqualTo("00f067aa0ba902b7");
            assertThat(logged.get()).isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-" + consumed.getSpanId() + "-01");
        });
    }

    @Test
    void anUnsampledOrMissingStoredTraceRecordsNoConsumerSpanAndTheLogsKeepItsId() {
        // given
        String unsampled = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00";
        AtomicReference<String> logged = new AtomicReference<>();

        // when
        Span span = traces.consuming(unsampled, "duban.intake.events process");
        traces.within(span, unsampled, () -> logged.set(traces.current()));
        span.end();
        Span none = traces.consuming(null, "duban.intake.events process");
        none.end();

        // then
        assertThat(ended).isEmpty();
        assertThat(logged.get()).startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-").endsWith("-00");
        assertThat(none.isNoop()).isTrue();
        assertThat(TraceContexts.none().consuming(TRACEPARENT, "x").isNoop()).isTrue();
    }

    /** As the Kafka template does: a sender observation that writes the trace context into the record's headers. */
    private void send(Map<String, String> headers) {
        SenderContext<Map<String, String>> context = new SenderContext<>((carrier, key, value) -> carrier.put(key, value));
        context.setCarrier(headers);
        Observation.createNotStarted("send", () -> context, observations).observe(() -> { });
    }

    @Test
    void pendingEventsCarryTheTraceOfTheWorkThatRecordedThem() {
        // given
        Clock clock = Clock.fixed(Instant.parse("2026-03-02T08:00:00Z"), ZoneOffset.UTC);
        PendingEvents pending = new PendingEvents(clock, traces::current);
        AtomicReference<PendingEvent> recorded = new AtomicReference<>();

        // when
        traces.continueTrace(TRACEPARENT, "request", () -> recorded.set(pending.of("asg-1", accepted())));

        // then
        assertThat(recorded.get().traceparent()).startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-");
        assertThat(new PendingEvents(clock).of("asg-1", accepted()).traceparent()).isNull();
    }

    private static AssignmentAccepted accepted() {
        Instant at = Instant.parse("2026-03-02T07:30:00Z");
        return new AssignmentAccepted("asg-1", "case-1", "unit-1", at, at, true, new Actor("li.na", "UNIT", "unit-1"));
    }
}
