package org.duban.notification.delivery;

import java.util.List;
import java.util.Objects;

/**
 * Where a delivery goes.
 *
 * @param endpointId the webhook endpoint (WEBHOOK), else null
 * @param recipients the e-mail addresses (EMAIL), else empty; empty for an e-mail that waits for its unit's contacts
 */
public record DeliveryTarget(Channel channel, String unitId, String endpointId, List<String> recipients) {

    public DeliveryTarget {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(unitId, "unitId");
        recipients = List.copyOf(recipients);
    }

    static DeliveryTarget webhook(String unitId, String endpointId) {
        return new DeliveryTarget(Channel.WEBHOOK, unitId, endpointId, List.of());
    }

    static DeliveryTarget email(String unitId, List<String> recipients) {
        return new DeliveryTarget(Channel.EMAIL, unitId, null, recipients);
    }

    /** The same target, to {@code addresses}. */
    public DeliveryTarget addressedTo(List<String> addresses) {
        return new DeliveryTarget(channel, unitId, endpointId, addresses);
    }
}
