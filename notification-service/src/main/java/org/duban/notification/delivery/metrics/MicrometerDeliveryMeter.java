package org.duban.notification.delivery.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.duban.notification.delivery.AttemptOutcome;
import org.duban.notification.delivery.Channel;
import org.duban.notification.delivery.DeliveryMeter;
import org.duban.notification.delivery.DeliveryStatus;

/**
 * The delivery counters in Micrometer; Prometheus shows them as
 * {@code duban_notification_deliveries_attempts_total{channel, outcome}} and
 * {@code duban_notification_deliveries_failed_total{channel}} (the Grafana dashboard in
 * {@code deploy/compose/grafana} queries the latter). The failure counters exist from the start, at
 * zero, so the dashboard has a series to show before anything fails.
 */
public final class MicrometerDeliveryMeter implements DeliveryMeter {

    static final String ATTEMPTS = "duban.notification.deliveries.attempts";
    static final String FAILED = "duban.notification.deliveries.failed";

    private final MeterRegistry registry;

    public MicrometerDeliveryMeter(MeterRegistry registry) {
        this.registry = registry;
        for (Channel channel : Channel.values()) {
            failed(channel);
        }
    }

    @Override
    public void attempted(Channel channel, AttemptOutcome outcome, DeliveryStatus after) {
        if (!outcome.attempted()) {
            return;
        }
        Counter.builder(ATTEMPTS)
                .description("Delivery attempts (webhook requests, e-mails) by channel and outcome: "
                        + "delivered, retry (failed, tried again later) or failed (for good)")
                .tag("channel", channel.name())
                .tag("outcome", outcome(outcome, after))
                .register(registry)
                .increment();
        if (after == DeliveryStatus.FAILED) {
            failed(channel).increment();
        }
    }

    private Counter failed(Channel channel) {
        return Counter.builder(FAILED)
                .description("Deliveries that failed for good (schedule exhausted, 410 Gone, endpoint removed)")
                .tag("channel", channel.name())
                .register(registry);
    }

    private static String outcome(AttemptOutcome outcome, DeliveryStatus after) {
        if (outcome.succeeded()) {
            return "delivered";
        }
        return after == DeliveryStatus.FAILED ? "failed" : "retry";
    }
}
