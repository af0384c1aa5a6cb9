package org.duban.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.duban.notification.delivery.metrics.MicrometerDeliveryMeter;
import org.duban.notification.inbox.InboxFixtures;
import org.duban.platform.domain.Page;
import org.duban.platform.domain.PageRequest;
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
        assertThat(deliveries.byId(webhook.id()).orElseThrow().progress().attempts()).hasSize(1);
        assertThat(meters.find("duban.notification.deliveries.attempts").counters()).singleElement()
                .satisfies(counter -> assertThat(counter.getId().getTag("outcome")).isEqualTo("delivered"));
    }

    @Test
    void aNewDeliveryStoredThroughTheDispatcherIsAttemptedAtOnceWithoutAClaimOrASearchOfTheStore() {
        // given: a dispatcher whose rounds come every hour, its first one done
        Searches store = new Searches(deliveries);
        List<String> sent = new CopyOnWriteArrayList<>();
        start(store, Duration.ofHours(1), 2, List.of(transport(Channel.WEBHOOK, d -> {
            sent.add(d.id());
            return AttemptOutcome.success(204, 3);
        })));
        await().atMost(PATIENCE).until(() -> store.searches.get() >= 2);
        int searchesBefore = store.searches.get();

        // when
        Delivery webhook = Delivery.webhook(message("evt-4"), "ep-1", "{}", now(), now());
        boolean stored = dispatcher.store(webhook);

        // then: stored, sent and recorded; the store was never searched for it, nor searched again afterwards
        assertThat(stored).isTrue();
        await().atMost(PATIENCE).until(() -> status(webhook) == DeliveryStatus.DELIVERED);
        assertThat(sent).containsExactly(webhook.id());
        await().during(Duration.ofMillis(300)).atMost(PATIENCE).until(() -> store.searches.get() == searchesBefore);
    }

    @Test
    void aDeliveryStoredWhileEveryWorkerIsBusyGoesOutWhenOneIsFree() {
        // given: one worker, held by a slow receiver
        CountDownLatch release = new CountDownLatch(1);
        start(deliveries, Duration.ofHours(1), 1, List.of(transport(Channel.WEBHOOK, d -> {
            if (d.content().sourceEventId().equals("evt-5")) {
                awaitQuietly(release);
            }
            return AttemptOutcome.success(204, 3);
        })));
        Delivery slow = Delivery.webhook(message("evt-5"), "ep-1", "{}", now(), now());
        dispatcher.store(slow);

        // when
        Delivery next = Delivery.webhook(message("evt-6"), "ep-1", "{}", now(), now());
        dispatcher.store(next);
        release.countDown();

        // then
        await().atMost(PATIENCE).until(() -> status(slow) == DeliveryStatus.DELIVERED
                && status(next) == DeliveryStatus.DELIVERED);
        assertThat(deliveries.byId(next.id()).orElseThrow().progress().attempts()).hasSize(1);
    }

    @Test
    void aDeliveryStoredAgainIsNotSentAgain() {
        // given: a message scheduled twice (a crash came between the inbox and the channels)
        AtomicInteger calls = new AtomicInteger();
        start(deliveries, Duration.ofHours(1), 2, List.of(transport(Channel.WEBHOOK, d -> {
            calls.incrementAndGet();
            return AttemptOutcome.success(204, 3);
        })));
        Delivery webhook = Delivery.webhook(message("evt-7"), "ep-1", "{}", now(), now());
        assertThat(dispatcher.store(webhook)).isTrue();
        await().atMost(PATIENCE).until(() -> status(webhook) == DeliveryStatus.DELIVERED);

        // when
        boolean again = dispatcher.store(Delivery.webhook(message("evt-7"), "ep-1", "{}", now(), now()));

        // then
        assertThat(again).isFalse();
        await().during(Duration.ofMillis(300)).atMost(PATIENCE).until(() -> calls.get() == 1);
    }

    private void start(List<Transport> transports) {
        start(deliveries, Duration.ofMillis(20), 2, transports);
    }

    private void start(Deliveries store, Duration pollInterval, int workers, List<Transport> transports) {
        dispatcher = new DeliveryDispatcher(store, transports, settings,
                new DeliveryDispatcher.Settings(Duration.ofSeconds(10), pollInterval, workers),
                DeliveryTraces.NONE, new MicrometerDeliveryMeter(meters), clock);
        dispatcher.start();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The store, counting the dispatcher's searches for due deliveries (claims of "the next due", look-aheads). */
    private static final class Searches implements Deliveries {

        private final Deliveries store;
        private final AtomicInteger searches = new AtomicInteger();

        Searches(Deliveries store) {
            this.store = store;
        }

        @Override
        public Optional<Delivery> claimDue(Instant now, Duration lease, String token) {
            searches.incrementAndGet();
            return store.claimDue(now, lease, token);
        }

        @Override
        public Optional<Instant> nextDue(Instant now) {
            searches.incrementAndGet();
            return store.nextDue(now);
        }

        @Override
        public boolean addIfAbsent(Delivery delivery) {
            return store.addIfAbsent(delivery);
        }

        @Override
        public Optional<Delivery> byId(String id) {
            return store.byId(id);
        }

        @Override
        public boolean addHeld(Delivery delivery, Instant leaseUntil, String token) {
            return store.addHeld(delivery, leaseUntil, token);
        }

        @Override
        public boolean storeAttempt(Delivery delivery, String token) {
            return store.storeAttempt(delivery, token);
        }

        @Override
        public boolean storeRedelivery(Delivery delivery, Instant now) {
            return store.storeRedelivery(delivery, now);
        }

        @Override
        public Page<Delivery> list(String unitId, DeliveryStatus status, PageRequest page) {
            return store.list(unitId, status, page);
        }

        @Override
        public int contactsArrived(String unitId, List<String> recipients, Instant now) {
            return store.contactsArrived(unitId, recipients, now);
        }
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
