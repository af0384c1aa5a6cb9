package org.duban.notification.delivery.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bson.Document;
import org.duban.notification.delivery.AttemptOutcome;
import org.duban.notification.delivery.Delivery;
import org.duban.notification.delivery.DeliveryStatus;
import org.duban.notification.delivery.RetrySchedule;
import org.duban.notification.inbox.InboxFixtures;
import org.duban.notification.inbox.InboxMessage;
import org.duban.platform.domain.PageRequest;
import org.duban.platform.events.PendingEvents;
import org.duban.platform.outbox.AggregateWriter;
import org.duban.platform.outbox.OutboxProperties;
import org.duban.platform.outbox.OutboxRelay;
import org.duban.platform.testing.FreshDatabases;
import org.duban.platform.testing.MovableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The deliveries collection on the Mongo-wire store: one delivery per key, leased claims, the attempt's single write. */
class MongoDeliveriesIT {

    private static final Instant T0 = Instant.parse("2026-03-02T01:30:00Z");
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final RetrySchedule SCHEDULE = new RetrySchedule(List.of(Duration.ZERO, Duration.ofSeconds(5)), 0,
            () -> 0.5);

    @RegisterExtension
    static final FreshDatabases mongo = new FreshDatabases("deliveries");

    private final MovableClock clock = new MovableClock(T0);
    private MongoDatabase database;
    private MongoDeliveries deliveries;

    @BeforeEach
    void freshDatabase() {
        database = mongo.fresh();
        OutboxRelay relay = new OutboxRelay(database, event -> { },
                new OutboxProperties(false, List.of(MongoDeliveries.COLLECTION), Duration.ofMillis(100), LEASE, 100,
                        Duration.ZERO), clock, new SimpleMeterRegistry());
        deliveries = new MongoDeliveries(database, new AggregateWriter(relay), new PendingEvents(clock), relay);
    }

    @Test
    void storesOneDeliveryPerMessageAndEndpointAndReadsItBack() {
        // given
        Delivery delivery = webhook("evt-1", T0);

        // when
        boolean first = deliveries.addIfAbsent(delivery);
        boolean second = deliveries.addIfAbsent(webhook("evt-1", T0.plusSeconds(1)));

        // then
        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(deliveries.byId(delivery.id()).orElseThrow().snapshot()).isEqualTo(delivery.snapshot());
    }

    @Test
    void concurrentClaimsNeverHoldTheSameDelivery() {
        // given
        IntStream.rangeClosed(1, 5).forEach(i -> deliveries.addIfAbsent(webhook("evt-" + i, T0)));

        // when: eight dispatchers claim at once
        List<Optional<Delivery>> claims = IntStream.range(0, 8)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> deliveries.claimDue(T0, LEASE, "token-" + i)))
                .toList().stream().map(CompletableFuture::join).toList();

        // then
        List<String> claimed = claims.stream().flatMap(Optional::stream).map(Delivery::id).toList();
        assertThat(claimed).hasSize(5).doesNotHaveDuplicates();
        assertThat(deliveries.claimDue(T0, LEASE, "late")).isEmpty();
    }

    @Test
    void aLeaseExpiresAndOnlyItsCurrentHolderMayStoreTheAttempt() {
        // given: a dispatcher claimed it and died
        Delivery delivery = webhook("evt-1", T0);
        deliveries.addIfAbsent(delivery);
        Delivery claimedByDead = deliveries.claimDue(T0, LEASE, "dead").orElseThrow();

        // when: after the lease another one takes it over
        Optional<Delivery> beforeExpiry = deliveries.claimDue(T0.plusSeconds(29), LEASE, "early");
        Delivery claimedByLive = deliveries.claimDue(T0.plusSeconds(31), LEASE, "live").orElseThrow();
        claimedByLive.record(AttemptOutcome.success(200, 12), T0.plusSeconds(31), SCHEDULE, Duration.ofDays(30));
        boolean storedByLive = deliveries.storeAttempt(claimedByLive, "live");
        claimedByDead.record(AttemptOutcome.success(200, 99), T0.plusSeconds(32), SCHEDULE, Duration.ofDays(30));
        boolean storedByDead = deliveries.storeAttempt(claimedByDead, "dead");

        // then
        assertThat(beforeExpiry).isEmpty();
        assertThat(storedByLive).isTrue();
        assertThat(storedByDead).isFalse();
        Delivery stored = deliveries.byId(delivery.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(stored.progress().attempts()).singleElement().satisfies(a -> assertThat(a.latencyMillis()).isEqualTo(12));
        Document document = database.getCollection(MongoDeliveries.COLLECTION).find().first();
        assertThat(document.getList("outbox", Document.class)).singleElement()
                .satisfies(event -> assertThat(event.getString("type")).isEqualTo("duban.notification.delivered.v1"));
        assertThat(document.containsKey("lease")).isFalse();
    }

    @Test
    void aDeliveryStoredHeldIsNotClaimedByARoundAndItsHolderStoresItsAttempt() {
        // given
        Delivery delivery = webhook("evt-1", T0);

        // when
        boolean stored = deliveries.addHeld(delivery, T0.plus(LEASE), "worker");
        boolean again = deliveries.addHeld(webhook("evt-1", T0), T0.plus(LEASE), "other-worker");

        // then
        assertThat(stored).isTrue();
        assertThat(again).isFalse();
        assertThat(deliveries.byId(delivery.id()).orElseThrow().snapshot()).isEqualTo(delivery.snapshot());
        assertThat(deliveries.claimDue(T0.plusSeconds(1), LEASE, "round")).as("held").isEmpty();
        delivery.record(AttemptOutcome.success(204, 3), T0, SCHEDULE, Duration.ofDays(30));
        assertThat(deliveries.storeAttempt(delivery, "other-worker")).isFalse();
        assertThat(deliveries.storeAttempt(delivery, "worker")).isTrue();
        assertThat(deliveries.byId(delivery.id()).orElseThrow().status()).isEqualTo(DeliveryStatus.DELIVERED);
    }

    @Test
    void aHeldDeliveryWhoseWorkerDiedIsClaimedWhenItsLeaseEnds() {
        // given
        deliveries.addHeld(webhook("evt-1", T0), T0.plus(LEASE), "dead-worker");

        // when
        Optional<Delivery> beforeExpiry = deliveries.claimDue(T0.plusSeconds(29), LEASE, "round");
        Optional<Delivery> afterExpiry = deliveries.claimDue(T0.plusSeconds(31), LEASE, "round");

        // then
        assertThat(beforeExpiry).isEmpty();
        assertThat(afterExpiry).isPresent();
    }

    @Test
    void onlyDueDeliveriesAreClaimedEarliestFirst() {
        // given
        deliveries.addIfAbsent(webhook("evt-late", T0.plusSeconds(60)));
        deliveries.addIfAbsent(webhook("evt-2", T0.plusSeconds(2)));
        deliveries.addIfAbsent(webhook("evt-1", T0.plusSeconds(1)));

        // when
        Optional<Delivery> first = deliveries.claimDue(T0.plusSeconds(10), LEASE, "a");

        // then
        assertThat(first).get().extracting(d -> d.content().sourceEventId()).isEqualTo("evt-1");
        assertThat(deliveries.nextDue(T0.plusSeconds(10))).contains(T0.plusSeconds(2));
    }

    @Test
    void listsNewestFirstFilteredByUnitAndStatusAndCreatesTheTtlIndex() {
        // given
        deliveries.addIfAbsent(webhook("evt-1", T0));
        clock.advance(Duration.ofSeconds(1));
        deliveries.addIfAbsent(Delivery.webhook(InboxFixtures.unreadMessage("evt-2", "unit-1", clock.instant()), "ep-1",
                "{}", clock.instant(), clock.instant()));
        deliveries.addIfAbsent(Delivery.webhook(InboxFixtures.unreadMessage("evt-3", "unit-2", T0), "ep-2", "{}", T0, T0));

        // when
        var unit1 = deliveries.list("unit-1", DeliveryStatus.PENDING, PageRequest.of(0, 20));
        var failed = deliveries.list(null, DeliveryStatus.FAILED, PageRequest.of(0, 20));

        // then
        assertThat(unit1.items()).extracting(d -> d.content().sourceEventId()).containsExactly("evt-2", "evt-1");
        assertThat(unit1.totalElements()).isEqualTo(2);
        assertThat(failed.items()).isEmpty();
        assertThat(database.getCollection(MongoDeliveries.COLLECTION).listIndexes().into(new java.util.ArrayList<>()))
                .anySatisfy(index -> {
                    assertThat(index.getString("name")).isEqualTo("expires_ttl");
                    assertThat(index.get("expireAfterSeconds", Number.class).longValue()).isZero();
                });
    }

    @Test
    void readsTheExceptionTextOfAttemptsStoredBeforeIssue13AsItsStableReason() {
        // given: attempts as the service stored them before, with the office's hosts and addresses in them
        Delivery delivery = webhook("evt-legacy", T0);
        deliveries.addIfAbsent(delivery);
        List<Document> legacy = List.of(
                legacyAttempt(1, "no answer: java.net.ConnectException: Connection refused: smtp-relay.office.internal"),
                legacyAttempt(2, "target refused: resolves to a private or link-local address, which is not allowed"),
                legacyAttempt(3, "target refused: names a host that does not resolve"),
                legacyAttempt(4, "timed out after 15000 ms"),
                legacyAttempt(5, "SMTP: Mail server connection failed; Couldn't connect to host, port: 10.20.0.5, 25"),
                legacyAttempt(6, "HTTP 503"),
                legacyAttempt(7, "410 Gone: the webhook is disabled"));
        database.getCollection(MongoDeliveries.COLLECTION).updateOne(
                new Document("_id", delivery.id()), new Document("$set", new Document("attempts", legacy)));

        // when
        Delivery read = deliveries.byId(delivery.id()).orElseThrow();

        // then
        assertThat(read.progress().attempts()).extracting(attempt -> attempt.error()).containsExactly("connection failed",
                "address not allowed", "host not found", "timed out", "mail server did not accept the message",
                "HTTP 503", "410 Gone: the webhook is disabled");
    }

    private static Document legacyAttempt(int number, String error) {
        return new Document("number", number).append("at", java.util.Date.from(T0)).append("status", null)
                .append("latencyMillis", 3L).append("error", error);
    }

    private static Delivery webhook(String eventId, Instant due) {
        InboxMessage message = InboxFixtures.unreadMessage(eventId, "unit-1", T0);
        return Delivery.webhook(message, "ep-1", "{\"data\":{}}", T0, due);
    }
}
