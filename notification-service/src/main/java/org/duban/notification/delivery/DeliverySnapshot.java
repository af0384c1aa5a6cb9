package org.duban.notification.delivery;

import java.time.Instant;
import java.util.Objects;

/**
 * A delivery as stored.
 *
 * @param traceparent the W3C trace context of the work that created it (the consumed event's trace), so that
 *                    every attempt, however much later, continues that trace; null when none
 * @param version     the stored version it was read at
 */
public record DeliverySnapshot(String id, DeliveryTarget target, DeliveryContent content, DeliveryStatus status,
        DeliveryProgress progress, Instant createdAt, String traceparent, long version) {

    public DeliverySnapshot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
