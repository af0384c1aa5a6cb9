package org.duban.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.duban.notification.delivery.metrics.MicrometerDeliveryMeter;
import org.duban.notification.inbox.InboxFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The dispatcher on an in-memory store with stand-in transports, on the real clock and a short schedule. */
class DeliveryDispatcherTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final Clock clock = Clock.systemUTC();
    private final InMemoryDeliveries deliveries = new InMemoryDeliveries();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final DeliverySettings settings = new DeliverySettings(
            new RetrySchedule(List.of(Duration.ZERO, Duration.ofMillis(20), Duration.ofMillis(20)), 0, () -> 0.5),
            Duration.ofDays(30), true);
    private DeliveryDispatcher dispatcher;

    @AfterEach
    void stop() {
        if (dispatcher != null) {
            dispatcher.stop();
        }
    }

    @Test
    void countsEveryAttemptByChannelAndOutcomeAndADeliveryThatFailsForGoodOnce() {
        // given: webhooks always refused, e-mail accepted on the second try
        AtomicInteger mails = new AtomicInteger();
        start(List.of(transport(Channel.WEBHOOK, d -> AttemptOutcome.failure(503, 3, "HTTP 503", null)),
                transport(Channel.EMAIL, d -> mails.incrementAndGet() == 1
                        ? AttemptOutcome.failure(null, 3, "SMTP: busy", null) : AttemptOutcome.success(null, 3))));

        // when
        Delivery webhook = add(Delivery.webhook(message("evt-1"), "ep-1", "{}", now(), now()));
        Delivery email = add(Delivery.email(message("evt-2"), List.of("a@unit.example"), now(), now()));

        // then
        await().atMost(PATIENCE).until(() -> status(webhook) == DeliveryStatus.FAILED
                && status(email) == DeliveryStatus.DELIVERED);
        assertThat(count("duban.notification.deliveries.attempts", "WEBHOOK", "retry")).isEqualTo(2);
        assertThat(count("duban.notification.deliveries.attempts", "WEBHOOK", "failed")).isEqualTo(1);
        assertThat(count("duban.notification.deliveries.attempts", "EMAIL", "retry")).isEqualTo(1);
        assertThat(count("duban.notification.deliveries.attempts", "EMAIL", "delivered")).isEqualTo(1);
        assertThat(meters.get("duban.notification.deliveries.failed").tag("channel", "WEBHOOK").counter().count())
                .isEqualTo(1);
        assertThat(meters.get("duban.notification.deliveries.failed").tag("channel", "EMAIL").counter().count())
                .as("registered at zero so the dashboard has a series").isZero();
    }

    @Test
    void aPostponementWhileTheBreakerIsOpenIsNoAttemptAndIsNotCounted() {
        // given
        AtomicInteger calls = new AtomicInteger();
        start(List.of(transport(Channel.WEBHOOK, d -> calls.incrementAndGet() == 1
                ? AttemptOutcome.notAttempted(Duration.ofMillis(20)) : AttemptOutcome.success(204, 3))));

        // when
        Delivery webhook = add(Delivery.webhook(message("evt-3"), "ep-1", "{}", now(), now()));

        // then
        await().atMost(PATIENCE).until(() -> status(webhook) == DeliveryStatus.DELIVERED);
        assertThat(deliveries.byId(webhook.id()).orElseThrow().attempts()).hasSize(1);
        assertThat(meters.find("duban.notification.deliveries.attempts").counters()).singleElement()
                .satisfies(counter -> assertThat(counter.getId().getTag("outcome")).isEqualTo("delivered"));
    }

    private void start(List<Transport> transports) {
        dispatcher = new DeliveryDispatcher(deliveries, transports, settings,
                new DeliveryDispatcher.Settings(Duration.ofSeconds(10), Duration.ofMillis(20), 2),
                DeliveryTraces.NONE, new MicrometerDeliveryMeter(meters), clock);
        dispatcher.start();
    }

    private Delivery add(Delivery delivery) {
        deliveries.addIfAbsent(delivery);
        dispatcher.wakeUp();
        return delivery;
    }

    private DeliveryStatus status(Delivery delivery) {
        return deliveries.byId(delivery.id()).orElseThrow().status();
    }

    private double count(String name, String channel, String outcome) {
        return meters.get(name).tag("channel", channel).tag("outcome", outcome).counter().count();
    }

    private static Transport transport(Channel channel, java.util.function.Function<Delivery, AttemptOutcome> answer) {
        return new Transport() {
            @Override
            public Channel channel() {
                return channel;
            }

            @Override
            public AttemptOutcome attempt(Delivery delivery) {
                return answer.apply(delivery);
            }
        };
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static org.duban.notification.inbox.InboxMessage message(String eventId) {
        return InboxFixtures.unreadMessage(eventId, "unit-1", Instant.now());
    }
}
