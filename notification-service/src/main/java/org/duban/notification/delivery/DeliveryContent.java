package org.duban.notification.delivery;

import java.util.Objects;

import org.duban.notification.inbox.InboxMessage;

/**
 * What a delivery carries: which inbox message, about which event, and exactly what is sent.
 *
 * @param subject the message title (the e-mail's subject)
 * @param payload exactly what is sent: the webhook's JSON body, or the e-mail's text
 */
public record DeliveryContent(String messageId, String sourceEventId, String sourceEventType, String caseId,
        String subject, String payload) {

    public DeliveryContent {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(payload, "payload");
    }

    /** {@code message}, sent as {@code payload}. */
    static DeliveryContent of(InboxMessage message, String payload) {
        return new DeliveryContent(message.id(), message.sourceEventId(), message.sourceEventType(), message.caseId(),
                message.title(), payload);
    }
}
