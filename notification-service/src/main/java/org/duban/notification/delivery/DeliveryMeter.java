package org.duban.notification.delivery;

/**
 * Counts what the dispatcher stored after each attempt: the attempts by channel and outcome, and the
 * deliveries that failed for good. The service wires it to Micrometer.
 */
public interface DeliveryMeter {

    /** Counts nothing. */
    DeliveryMeter NONE = (channel, outcome, after) -> { };

    /**
     * An attempt was made and stored.
     *
     * @param after the delivery's status after it: DELIVERED, PENDING (to be retried) or FAILED (for good)
     */
    void attempted(Channel channel, AttemptOutcome outcome, DeliveryStatus after);
}
