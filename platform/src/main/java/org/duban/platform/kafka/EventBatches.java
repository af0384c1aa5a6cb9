package org.duban.platform.kafka;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.duban.platform.domain.EventNotHandled;
import org.duban.platform.inbox.ProcessedEvents;
import org.duban.platform.tracing.TraceContexts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;

/**
 * What {@link ProcessedEvents#handleOnce} does for one record, for a listener that takes a whole poll
 * ({@link KafkaConfiguration#BATCH_FACTORY}): reads the records, leaves out the event ids the consumer handled already
 * (one query by {@code _id}), hands the rest to the handler in the poll's order (each partition's records in their
 * order, so one key's events in theirs), and records their ids (one write) only after the handler stored their
 * effects — a crash anywhere hands them over again, and the handler's effects, idempotent on their own, count them
 * once.
 *
 * <p>A record that cannot be read, or whose event the handler could not handle ({@link EventNotHandled}), fails
 * alone: the events before it are recorded and their offsets committed, and it is retried and dead-lettered as the
 * platform's error handler does with any record ({@link BatchListenerFailedException}; a {@link PoisonEvent} cause
 * goes to the dead-letter topic without retries). A handler that fails a poll of several events without saying which
 * one (any other exception) is handed them again one at a time, so that the failure is the one event's alone. A store
 * that cannot be reached fails the poll at its first record,
 * so that the platform's error handler waits for the store as long as it takes ({@link StoreUnreachable}) instead of
 * retrying the poll a few times and then parking all of it.
 *
 * <p>The events each consumer got through (handled now, or found handled before) are counted:
 * {@code duban.events.handled} tagged {@code consumer} ({@code duban_events_handled_total} in Prometheus), since the
 * container's own timer counts polls, not events. Each event gets the consumer span its record would get from a
 * listener taking one record at a time ({@code <topic> process}, kind {@code CONSUMER}, a child of the span that
 * published it), from the moment its poll is handed over until its id is recorded (or the poll fails): it lasts
 * as long as the whole poll's work, which is how long the event waited for it. Its line in the log ("handled …",
 * "skipped …: already handled") is written within that span: one trace id follows an assignment from the gateway
 * to every consumer's log, and a trace shows each hop. A poll of one event is worked on within its span from the
 * first read to the last write, so what the handler logs carries the trace, and its store commands are the span's
 * children (with {@code duban.tracing.store-commands}); the work of a poll of several belongs to no one trace.
 */
public final class EventBatches {

    static final String HANDLED = "duban.events.handled";
    static final String CONSUMER_TAG = "duban.consumer";
    static final String OUTCOME_TAG = "duban.event.outcome";

    private static final Logger log = LoggerFactory.getLogger(EventBatches.class);

    private final ProcessedEvents processed;
    private final MeterRegistry meters;
    private final TraceContexts traces;

    public EventBatches(ProcessedEvents processed, MeterRegistry meters, TraceContexts traces) {
        this.processed = processed;
        this.meters = meters;
        this.traces = traces;
    }

    /**
     * Hands the records' events that {@code consumer} has not handled yet to {@code handler} (unknown types too, for
     * it to skip), then records them as handled.
     *
     * @param handler stores the events' effects; throws {@link EventNotHandled} (the index in the list it was given)
     *                after storing the effects of the events before the one that failed
     */
    public void handleOnce(String consumer, List<ConsumerRecord<String, byte[]>> records,
            Consumer<List<IncomingEvent>> handler) {
        Counter through = Counter.builder(HANDLED).tag("consumer", consumer)
                .description("Events a consumer got through: handled, or found handled before").register(meters);
        List<IncomingEvent> read = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            IncomingEvent event;
            try {
                event = CloudEventRecords.read(records.get(i));
            } catch (RuntimeException e) {
                handle(consumer, read, handler, through);
                throw new BatchListenerFailedException(e.getMessage(), e, i);
            }
            read.add(event);
        }
        handle(consumer, read, handler, through);
    }

    /** The events read from the batch's first records, in order. */
    private void handle(String consumer, List<IncomingEvent> events, Consumer<List<IncomingEvent>> handler,
            Counter through) {
        Map<IncomingEvent, Span> spans = new IdentityHashMap<>();
        events.forEach(event -> spans.put(event, traces.consuming(event.traceparent(), event.topic() + " process")
                .tag("messaging.system", "kafka").tag("messaging.destination.name", event.topic())
                .tag("messaging.message.id", event.id()).tag(CONSUMER_TAG, consumer)));
        try {
            if (events.size() == 1) {
                // a poll of one event, the usual one at a calm rate, is worked on within the event's span
                IncomingEvent only = events.get(0);
                traces.within(spans.get(only), only.traceparent(), () -> handle(consumer, events, handler, through,
                        spans));
            } else {
                handle(consumer, events, handler, through, spans);
            }
        } catch (BatchListenerFailedException e) {
            Span failed = spans.get(events.get(e.getIndex()));
            failed.tag(OUTCOME_TAG, "failed").error(e.getCause() == null ? e : e.getCause());
            throw e;
        } catch (RuntimeException e) {
            if (events.isEmpty() || !StoreUnreachable.in(e)) {
                throw e;
            }
            spans.get(events.get(0)).tag(OUTCOME_TAG, "failed").error(e);
            throw new BatchListenerFailedException("the store could not be reached: " + e.getMessage(), e, 0);
        } finally {
            spans.values().forEach(Span::end);
        }
    }

    private void handle(String consumer, List<IncomingEvent> events, Consumer<List<IncomingEvent>> handler,
            Counter through, Map<IncomingEvent, Span> spans) {
        Map<String, IncomingEvent> byId = new LinkedHashMap<>();
        events.forEach(event -> byId.putIfAbsent(event.id(), event));
        Set<String> handled = processed.handled(consumer, byId.keySet());
        List<IncomingEvent> fresh = byId.values().stream().filter(event -> !handled.contains(event.id())).toList();
        byId.values().stream().filter(event -> handled.contains(event.id())).forEach(event ->
                logWithin(event, spans, "skipped", "skipped {} {} from {}: already handled"));
        if (fresh.isEmpty()) {
            through.increment(events.size());
            return;
        }
        try {
            handler.accept(fresh);
        } catch (EventNotHandled e) {
            recordHandled(consumer, fresh.subList(0, e.index()), spans);
            throw failed(events, fresh.get(e.index()), e.getCause(), through);
        } catch (RuntimeException e) {
            if (fresh.size() == 1 || StoreUnreachable.in(e)) {
                throw e;
            }
            // the handler could not say which event failed: left to the error handler, the whole poll would be
            // retried and then dead-lettered, the good events with the bad one
            log.warn("{} events of a poll from {} failed together; handling them one at a time: {}", fresh.size(),
                    fresh.get(0).position(), e.toString());
            oneAtATime(consumer, events, fresh, handler, through, spans);
            return;
        }
        recordHandled(consumer, fresh, spans);
        through.increment(events.size());
    }

    /** Hands the events over one by one, each within its span, recording each once handled, up to one that fails. */
    private void oneAtATime(String consumer, List<IncomingEvent> events, List<IncomingEvent> fresh,
            Consumer<List<IncomingEvent>> handler, Counter through, Map<IncomingEvent, Span> spans) {
        for (IncomingEvent event : fresh) {
            try {
                traces.within(spans.get(event), event.traceparent(), () -> handler.accept(List.of(event)));
            } catch (RuntimeException e) {
                if (StoreUnreachable.in(e)) {
                    throw e;
                }
                throw failed(events, event, e instanceof EventNotHandled notHandled ? notHandled.getCause() : e,
                        through);
            }
            recordHandled(consumer, List.of(event), spans);
        }
        through.increment(events.size());
    }

    /** The failure of {@code failed} for the platform's error handler: the events before it are through. */
    private static BatchListenerFailedException failed(List<IncomingEvent> events, IncomingEvent failed,
            RuntimeException cause, Counter through) {
        through.increment(events.indexOf(failed));
        return new BatchListenerFailedException(failed.position() + ": " + cause.getMessage(), cause,
                events.indexOf(failed));
    }

    private void recordHandled(String consumer, List<IncomingEvent> events, Map<IncomingEvent, Span> spans) {
        processed.recordHandled(consumer, events);
        events.forEach(event -> logWithin(event, spans, "handled", "handled {} {} from {}"));
    }

    private void logWithin(IncomingEvent event, Map<IncomingEvent, Span> spans, String outcome, String line) {
        Span span = spans.get(event).tag(OUTCOME_TAG, outcome);
        traces.within(span, event.traceparent(), () -> log.info(line, event.type(), event.id(), event.position()));
    }
}
