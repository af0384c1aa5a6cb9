package org.duban.contracts.events;

import java.time.Instant;

/**
 * {@code duban.notification.delivery-failed.v1}: a delivery failed for good (retries exhausted or the
 * endpoint disabled); it stays available for redelivery.
 */
public record NotificationDeliveryFailed(
        String deliveryId,
        String channel,
        String unitId,
        String caseId,
        String sourceEventId,
        String sourceEventType,
        int attempts,
        Integer lastStatus,
        Instant failedAt,
        Actor actor) implements DubanEvent {

    public static final String TYPE = "duban.notification.delivery-failed.v1";

    @Override
    public String partitionKey() {
        return caseId != null ? caseId : deliveryId;
    }
}
