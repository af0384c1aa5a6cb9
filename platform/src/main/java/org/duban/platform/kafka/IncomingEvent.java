package org.duban.platform.kafka;

import java.time.Instant;
import java.util.Optional;

import org.duban.contracts.events.DubanEvent;

/**
 * An event read from Kafka: its CloudEvents attributes and, when this service knows the type, the
 * payload record.
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
        long offset) {

    public Optional<DubanEvent> known() {
        return Optional.ofNullable(payload);
    }

    /** Where it came from, for logs and dead letters: {@code topic-partition@offset}. */
    public String position() {
        return topic + "-" + partition + "@" + offset;
    }
}
