package org.duban.platform.kafka;

import java.time.Instant;
import java.util.Optional;

import org.duban.contracts.events.DubanEvent;

/**
 * An event read from Kafka: its CloudEvents attributes and, when this service knows the type, the
 * payload record; {@code traceparent}, the W3C trace context its record carried (null when none), for a
 * listener that takes a whole poll and so has no consumer span per record.
 */
public record IncomingEvent(
        String id,
        String type,
        String source,
        Instant time,
        String subject,
        String key,
        DubanEvent payload,
        String topic,
        int partition,
        long offset,
        String traceparent) {

    /** An event whose record carried no trace context. */
    public IncomingEvent(String id, String type, String source, Instant time, String subject, String key,
            DubanEvent payload, String topic, int partition, long offset) {
        this(id, type, source, time, subject, key, payload, topic, partition, offset, null);
    }

    public Optional<DubanEvent> known() {
        return Optional.ofNullable(payload);
    }

    /** Where it came from, for logs and dead letters: {@code topic-partition@offset}. */
    public String position() {
        return topic + "-" + partition + "@" + offset;
    }
}
