package org.duban.contracts.events;

import java.time.Instant;

/**
 * {@code duban.notification.acknowledged.v1}: a unit acknowledged an inbox message; the proof that it
 * was told (送达). {@code sourceEventId} is the event the message was about.
 */
public record NotificationAcknowledged(
        String messageId,
        String unitId,
        String caseId,
        String sourceEventId,
        String sourceEventType,
        Instant deliveredAt,
        Instant acknowledgedAt,
        Actor actor) implements DubanEvent {

    public static final String TYPE = "duban.notification.acknowledged.v1";

    @Override
    public String partitionKey() {
        return caseId != null ? caseId : messageId;
    }
}
