package org.duban.notification.delivery;

import java.time.Instant;

import org.duban.notification.inbox.InboxMessage;

/** Writes the JSON body a webhook receives for a message: written once, sent unchanged on every attempt. */
public interface WebhookPayloads {

    String body(String deliveryId, InboxMessage message, Instant at);
}
