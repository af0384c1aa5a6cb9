package org.duban.notification.delivery;

import java.time.Duration;
import java.util.Objects;

/**
 * @param retention    how long a delivery that failed for good is kept for redelivery
 * @param emailEnabled whether units' contacts are e-mailed
 */
public record DeliverySettings(RetrySchedule schedule, Duration retention, boolean emailEnabled) {

    public DeliverySettings {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(retention, "retention");
    }
}
