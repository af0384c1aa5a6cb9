package org.duban.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import com.mongodb.MongoSocketReadException;
import com.mongodb.ServerAddress;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Span;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.duban.contracts.events.Actor;
import org.duban.contracts.events.AssignmentAccepted;
import org.duban.platform.domain.EventNotHandled;
import org.duban.platform.events.PendingEvents;
import org.duban.platform.inbox.ProcessedEvents;
import org.duban.platform.testing.FreshDatabases;
import org.duban.platform.testing.RecordingTracing;
import org.duban.platform.tracing.TraceContexts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.kafka.listener.BatchListenerFailedException;

/** A poll's events, each in the trace its record carried: one consumer span per event, whatever became of it. */
class EventBatchesIT {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final AttributeKey<String> OUTCOME = AttributeKey.stringKey(EventBatches.OUTCOME_TAG);

    @RegisterExtension
    static final FreshDatabases mongo = new FreshDatabases("batches");

    private final RecordingTracing tracing = new RecordingTracing();
    private final EventBatches batches = new EventBatches(
            new ProcessedEvents(mongo.fresh(), Clock.systemUTC(), Duration.ofDays(7)), new SimpleMeterRegistry(),
            tracing.traces());

    @Test
    void eachEventOfAPollGetsAConsumerSpanChildOfTheSpanThatPublishedIt() {
        // given: three records, the first one handled in an earlier poll
        List<ConsumerRecord<String, byte[]>> records = records(3);
        batches.handleOnce("deadline-tracking", records.subList(0, 1), events -> { });
        tracing.ended().clear();
        List<String> handed = new ArrayList<>();

        // when
        batches.handleOnce("deadline-tracking", records, events -> events.forEach(event -> handed.add(event.id())));

        // then
        assertThat(handed).hasSize(2);
        assertThat(tracing.ended()).hasSize(3).allSatisfy(span -> {
            assertThat(span.getKind()).isEqualTo(SpanKind.CONSUMER);
            assertThat(span.getName()).isEqualTo("duban.intake.events process");
            assertThat(span.getTraceId()).isEqualTo(TRACE_ID);
            assertThat(span.getAttributes().get(AttributeKey.stringKey(EventBatches.CONSUMER_TAG)))
                    .isEqualTo("deadline-tracking");
        });
        assertThat(tracing.ended()).extracting(SpanData::getParentSpanId)
                .containsExactlyInAnyOrder(publisher(0), publisher(1), publisher(2));
        assertThat(outcomeOf(0)).isEqualTo("skipped");
        assertThat(outcomeOf(1)).isEqualTo("handled");
        assertThat(outcomeOf(2)).isEqualTo("handled");
    }

    @Test
    void aPollOfOneEventIsWorkedOnWithinItsSpanAndAPollOfSeveralWithinNone() {
        // given
        List<ConsumerRecord<String, byte[]>> records = records(3);
        List<String> current = new ArrayList<>();
        Consumer<List<IncomingEvent>> noting = events -> {
            Span span = tracing.tracer().currentSpan();
            current.add(span == null ? "none" : span.context().spanId());
        };

        // when
        batches.handleOnce("deadline-tracking", records.subList(0, 1), noting);
        batches.handleOnce("deadline-tracking", records.subList(1, 3), noting);

        // then
        assertThat(current).containsExactly(spanOf(0).getSpanId(), "none");
    }

    @Test
    void theSpanOfTheEventThatFailedRecordsWhyAndTheEventsAfterItStayUnhandled() {
        // given
        List<ConsumerRecord<String, byte[]>> records = records(3);

        // when: the handler stores the first event's effects, then fails at the second
        assertThatThrownBy(() -> batches.handleOnce("deadline-tracking", records, events -> {
            throw new EventNotHandled(1, new IllegalStateException("the store is gone"));
        })).isInstanceOf(BatchListenerFailedException.class);

        // then
        assertThat(tracing.ended()).hasSize(3);
        assertThat(outcomeOf(0)).isEqualTo("handled");
        assertThat(outcomeOf(1)).isEqualTo("failed");
        assertThat(spanOf(1).getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(outcomeOf(2)).isNull();
    }

    @Test
    void aPollThatFailsWithoutSayingWhereIsHandedOverOneAtATimeAndOnlyTheEventThatFailsFails() {
        // given: a handler that fails any list holding the second event, without saying which event it was
        List<ConsumerRecord<String, byte[]>> records = records(3);
        List<List<String>> handed = new ArrayList<>();
        List<String> tracesWhileHandled = new ArrayList<>();
        Consumer<List<IncomingEvent>> handler = events -> {
            handed.add(events.stream().map(IncomingEvent::key).toList());
            Span span = tracing.tracer().currentSpan();
            tracesWhileHandled.add(span == null ? "none" : span.context().traceId());
            if (events.stream().anyMatch(event -> event.key().equals("case-1"))) {
                throw new IllegalStateException("a bug in the handler");
            }
        };

        // when
        assertThatThrownBy(() -> batches.handleOnce("deadline-tracking", records, handler))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, failed -> {
                    assertThat(failed.getIndex()).isEqualTo(1);
                    assertThat(failed.getCause()).hasMessage("a bug in the handler");
                });

        // then: the first event is handled and recorded, the second failed alone, the third is left for the retry
        assertThat(handed).containsExactly(List.of("case-0", "case-1", "case-2"), List.of("case-0"), List.of("case-1"));
        assertThat(tracesWhileHandled).containsExactly("none", TRACE_ID, TRACE_ID);
        assertThat(outcomeOf(0)).isEqualTo("handled");
        assertThat(outcomeOf(1)).isEqualTo("failed");
        assertThat(outcomeOf(2)).isNull();
        handed.clear();
        batches.handleOnce("deadline-tracking", records.subList(2, 3), handler);
        batches.handleOnce("deadline-tracking", records, events -> handed.add(events.stream().map(IncomingEvent::key)
                .toList()));
        assertThat(handed).containsExactly(List.of("case-2"), List.of("case-1"));
    }

    @Test
    void aPollThatFailsBecauseTheStoreIsUnreachableIsNotHandedOverOneAtATime() {
        // given
        List<ConsumerRecord<String, byte[]>> records = records(3);
        List<Integer> handed = new ArrayList<>();

        // when
        assertThatThrownBy(() -> batches.handleOnce("deadline-tracking", records, events -> {
            handed.add(events.size());
            throw new MongoSocketReadException("Prematurely reached end of stream", new ServerAddress());
        })).isInstanceOfSatisfying(BatchListenerFailedException.class, failed ->
                assertThat(failed.getIndex()).isZero());

        // then
        assertThat(handed).containsExactly(3);
    }

    private String outcomeOf(int record) {
        return spanOf(record).getAttributes().get(OUTCOME);
    }

    private SpanData spanOf(int record) {
        return tracing.ended().stream().filter(span -> span.getParentSpanId().equals(publisher(record)))
                .findFirst().orElseThrow();
    }

    /** The span id of the relay's send that published record {@code i}. */
    private static String publisher(int i) {
        return "00f067aa0ba902b" + i;
    }

    private static List<ConsumerRecord<String, byte[]>> records(int count) {
        PendingEvents pending = new PendingEvents(Clock.systemUTC());
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant at = Instant.parse("2026-03-02T07:30:00Z");
            AssignmentAccepted accepted = new AssignmentAccepted("asg-" + i, "case-" + i, "unit-1", at, at, true,
                    new Actor("li.na", "UNIT", "unit-1"));
            ProducerRecord<String, byte[]> sent = CloudEventRecords.toRecord(pending.of("asg-" + i, accepted),
                    URI.create("/intake-service"));
            sent.headers().add(TraceContexts.TRACEPARENT,
                    ("00-" + TRACE_ID + "-" + publisher(i) + "-01").getBytes(StandardCharsets.UTF_8));
            records.add(new ConsumerRecord<>(sent.topic(), 0, i, 0L, TimestampType.CREATE_TIME, 0, sent.value().length,
                    sent.key(), sent.value(), sent.headers(), Optional.empty()));
        }
        return records;
    }
}
