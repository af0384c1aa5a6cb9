package org.duban.notification.delivery;

import java.time.Duration;
import java.util.Objects;

/**
 * @param retention    how long a delivery that failed for good is kept for redelivery
 * @param emailEnabled whether units' contacts are e-mailed
 * @param contactsWait how long an e-mail waits for its unit's contacts when the message came first
 */
public record DeliverySettings(RetrySchedule schedule, Duration retention, boolean emailEnabled,
        Duration contactsWait) {

    public DeliverySettings {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(contactsWait, "contactsWait");
    }

    /** Waiting an hour for a unit's contacts. */
    public DeliverySettings(RetrySchedule schedule, Duration retention, boolean emailEnabled) {
        this(schedule, retention, emailEnabled, Duration.ofHours(1));
    }
}
