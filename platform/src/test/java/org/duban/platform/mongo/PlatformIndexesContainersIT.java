package org.duban.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bson.Document;
import org.duban.platform.events.PendingEvent;
import org.duban.platform.idempotency.IdempotencyKeys.Reservation;
import org.duban.platform.idempotency.mongo.MongoIdempotencyKeys;
import org.duban.platform.inbox.ProcessedEvents;
import org.duban.platform.kafka.IncomingEvent;
import org.duban.platform.outbox.AggregateWriter;
import org.duban.platform.outbox.OutboxProperties;
import org.duban.platform.outbox.OutboxRelay;
import org.duban.platform.testing.ContainerImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The indexes the platform relies on, on the MongoDB image compose and Kubernetes run (the Mongo-wire store
 * of the other tests accepts TTL options but never expires, and has no {@code collMod}): the TTL indexes of
 * {@code processed_events} and {@code idempotency_keys}, and a changed retention applied in place at the next
 * start rather than refused with {@code IndexOptionsConflict}; the unique {@code _id} that makes an event id
 * handled once and an idempotency key reserved once; the sparse {@code outbox_since} index the relay claims
 * documents on. Skipped, and reported as skipped, where no Docker engine is available.
 */
@Testcontainers(disabledWithoutDocker = true)
class PlatformIndexesContainersIT {

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer(ContainerImages.mongo());

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T08:00:00Z"), ZoneOffset.UTC);
    private static MongoClient client;
    private MongoDatabase database;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(MONGO.getReplicaSetUrl());
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @BeforeEach
    void aFreshDatabase() {
        database = client.getDatabase("platform_" + UUID.randomUUID().toString().replace("-", ""));
    }

    @Test
    void aChangedRetentionOfProcessedEventsAndIdempotencyKeysIsAppliedAtTheNextStart() {
        // given: the first start
        new ProcessedEvents(database, CLOCK, Duration.ofDays(30));
        new MongoIdempotencyKeys(database, CLOCK, Duration.ofDays(1));

        // when: a start with other retentions
        new ProcessedEvents(database, CLOCK, Duration.ofDays(7));
        new MongoIdempotencyKeys(database, CLOCK, Duration.ofHours(6));

        // then
        Document processedEvents = index("processed_events", "retention");
        assertThat(processedEvents.get("key", Document.class)).isEqualTo(new Document("processedAt", 1));
        assertThat(processedEvents.get("expireAfterSeconds", Number.class).longValue())
                .isEqualTo(Duration.ofDays(7).toSeconds());
        Document idempotencyKeys = index("idempotency_keys", "expire_keys");
        assertThat(idempotencyKeys.get("key", Document.class)).isEqualTo(new Document("createdAt", 1));
        assertThat(idempotencyKeys.get("expireAfterSeconds", Number.class).longValue())
                .isEqualTo(Duration.ofHours(6).toSeconds());
    }

    @Test
    void aTtlIndexOfTheSameNameOnAnotherFieldIsReplaced() {
        // given
        database.getCollection("processed_events").createIndex(Indexes.ascending("handledAt"),
                new IndexOptions().name("retention").expireAfter(60L, TimeUnit.SECONDS));

        // when
        TtlIndexes.expireAfter(database, "processed_events", "retention", "processedAt", Duration.ofDays(7));

        // then
        assertThat(index("processed_events", "retention").get("key", Document.class))
                .isEqualTo(new Document("processedAt", 1));
    }

    @Test
    void anEventIdIsHandledOnceAndAnIdempotencyKeyReservedOnce() {
        // given
        ProcessedEvents processed = new ProcessedEvents(database, CLOCK, Duration.ofDays(7));
        MongoIdempotencyKeys keys = new MongoIdempotencyKeys(database, CLOCK, Duration.ofDays(1));
        IncomingEvent event = new IncomingEvent("evt-1", "duban.assignment.issued.v1", "/duban/intake-service",
                CLOCK.instant(), "asg-1", "case-1", null, "duban.intake.events", 0, 0);
        AtomicInteger effects = new AtomicInteger();

        // when
        boolean first = processed.handleOnce("supervision", event, effects::incrementAndGet);
        boolean again = processed.handleOnce("supervision", event, effects::incrementAndGet);
        keys.reserve("key-1", "res-1", "fingerprint-a");
        Reservation second = keys.reserve("key-1", "res-2", "fingerprint-b");

        // then
        assertThat(first).isTrue();
        assertThat(again).isFalse();
        assertThat(effects).hasValue(1);
        assertThat(second).isEqualTo(new Reservation("res-1", "fingerprint-a"));
    }

    @Test
    void theRelayClaimsOnASparseOutboxIndexAndAnAggregateIdIsStoredOnce() {
        // given
        List<PendingEvent> published = new CopyOnWriteArrayList<>();
        OutboxRelay relay = new OutboxRelay(database, published::add, new OutboxProperties(true,
                List.of("assignments"), Duration.ofSeconds(2), Duration.ofSeconds(30), 100, Duration.ofSeconds(2)),
                CLOCK, new SimpleMeterRegistry());
        relay.createIndexes();
        AggregateWriter writer = new AggregateWriter(relay);
        PendingEvent issued = new PendingEvent("evt-1", "duban.assignment.issued.v1", "duban.intake.events", "case-1",
                "asg-1", CLOCK.instant(), "{}", null);
        writer.insert(database.getCollection("assignments"), new Document("_id", "asg-1"), List.of(issued));

        // when
        int sent = relay.publishPending();

        // then
        Document outboxSince = index("assignments", "outbox_since");
        assertThat(outboxSince.get("key", Document.class)).isEqualTo(new Document("outboxSince", 1));
        assertThat(outboxSince.getBoolean("sparse")).isTrue();
        assertThat(sent).isEqualTo(1);
        assertThat(published).extracting(PendingEvent::id).containsExactly("evt-1");
        assertThatThrownBy(() -> writer.insert(database.getCollection("assignments"), new Document("_id", "asg-1"),
                List.of())).isInstanceOf(AggregateWriter.DuplicateKey.class);
    }

    private Document index(String collection, String name) {
        List<Document> indexes = database.getCollection(collection).listIndexes().into(new ArrayList<>());
        return indexes.stream().filter(index -> name.equals(index.getString("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no index " + name + " on " + collection + ": " + indexes));
    }
}
