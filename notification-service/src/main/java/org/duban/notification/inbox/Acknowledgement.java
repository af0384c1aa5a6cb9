package org.duban.notification.inbox;

import java.util.Objects;

import org.duban.contracts.events.NotificationAcknowledged;

/**
 * A message just acknowledged and the event that records it; stored together or not at all.
 *
 * @param message     the message as acknowledged
 * @param readVersion the version the message was read at; storing fails if it changed since
 * @param event       the proof of receipt to publish
 */
public record Acknowledgement(InboxMessage message, long readVersion, NotificationAcknowledged event) {

    public Acknowledgement {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(event, "event");
    }
}
