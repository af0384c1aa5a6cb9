package org.duban.notification.inbox;

import java.time.Instant;
import java.util.Objects;

/**
 * An inbox message as stored.
 *
 * @param message         what the unit is told, and about which event
 * @param createdAt       when it was delivered to the inbox
 * @param acknowledgement the unit's acknowledgement; null while unread
 * @param version         the stored version it was read at (optimistic locking)
 */
public record InboxMessageSnapshot(String id, NewMessage message, Instant createdAt, Acknowledgement acknowledgement,
        long version) {

    public InboxMessageSnapshot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
