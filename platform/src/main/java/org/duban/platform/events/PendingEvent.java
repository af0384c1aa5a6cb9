package org.duban.platform.events;

import java.time.Instant;
import java.util.Objects;

/**
 * An event stored with the state change that caused it, waiting for the relay to publish it.
 *
 * @param id      the CloudEvents id, unique; consumers deduplicate on it
 * @param type    the logical type, e.g. {@code duban.assignment.issued.v1}
 * @param topic   the topic it goes to
 * @param key     the record key (the matter id)
 * @param subject the aggregate that produced it
 * @param time    when it happened
 * @param data    the JSON payload, exactly as it will be published
 * @param traceparent the W3C trace context of the work that recorded it (null when none), so that the
 *                relay, which publishes later on its own thread, continues that trace
 */
public record PendingEvent(String id, String type, String topic, String key, String subject, Instant time, String data,
        String traceparent) {

    /** An event recorded outside any trace. */
    public PendingEvent(String id, String type, String topic, String key, String subject, Instant time, String data) {
        this(id, type, topic, key, subject, time, data, null);
    }

    public PendingEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(data, "data");
    }
}
