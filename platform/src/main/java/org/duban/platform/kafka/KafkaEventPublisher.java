package org.duban.platform.kafka;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.duban.platform.events.PendingEvent;
import org.duban.platform.outbox.EventPublisher;
import org.duban.platform.tracing.TraceContexts;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Sends an outbox event as a CloudEvent (the broker acknowledges with acks=all), within the trace that recorded
 * the event: the template's observation — the producer span, a child of the span that recorded the event — adds
 * the {@code traceparent} header consumers continue. No span of its own around it: the producer span already
 * covers the send up to the acknowledgement.
 *
 * <p>{@link #send} returns as soon as the record is handed to the producer, so that the relay can have the
 * records of many documents in flight together (the producer is idempotent: its own retries neither duplicate
 * nor reorder what it sent on one partition).
 */
public final class KafkaEventPublisher implements EventPublisher {

    private final KafkaTemplate<String, byte[]> template;
    private final URI source;
    private final TraceContexts traces;

    public KafkaEventPublisher(KafkaTemplate<String, byte[]> template, String serviceName) {
        this(template, serviceName, TraceContexts.none());
    }

    public KafkaEventPublisher(KafkaTemplate<String, byte[]> template, String serviceName, TraceContexts traces) {
        this.template = template;
        this.source = URI.create("/duban/" + serviceName);
        this.traces = traces;
    }

    @Override
    public void publish(PendingEvent event) throws Exception {
        send(event).get(60, TimeUnit.SECONDS);
    }

    @Override
    public CompletableFuture<?> send(PendingEvent event) {
        AtomicReference<CompletableFuture<?>> sent = new AtomicReference<>();
        try {
            traces.within(event.traceparent(),
                    () -> sent.set(template.send(CloudEventRecords.toRecord(event, source))));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e); // refused before it left (no metadata in time, too large…)
        }
        return sent.get();
    }
}
