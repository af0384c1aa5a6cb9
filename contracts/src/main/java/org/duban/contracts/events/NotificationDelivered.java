package org.duban.contracts.events;

import java.time.Instant;

/**
 * {@code duban.notification.delivered.v1}: a notification reached a unit through a channel (WEBHOOK:
 * the receiver answered 2xx; EMAIL: the SMTP server accepted it), after the given number of attempts.
 */
public record NotificationDelivered(
        String deliveryId,
        String channel,
        String unitId,
        String caseId,
        String sourceEventId,
        String sourceEventType,
        int attempts,
        Instant deliveredAt,
        Actor actor) implements DubanEvent {

    public static final String TYPE = "duban.notification.delivered.v1";

    @Override
    public String partitionKey() {
        return caseId != null ? caseId : deliveryId;
    }
}
