package org.duban.platform.idempotency.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.duban.platform.idempotency.IdempotencyKeys.Reservation;
import org.duban.platform.testing.EmbeddedMongo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Idempotency keys on the Mongo-wire store: one reservation per key, kept for the configured retention. */
class MongoIdempotencyKeysIT {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T08:00:00Z"), ZoneOffset.UTC);

    private MongoClient client;
    private MongoDatabase database;

    @BeforeEach
    void aFreshDatabase() {
        client = MongoClients.create(EmbeddedMongo.uri());
        database = client.getDatabase("idempotency_" + UUID.randomUUID().toString().replace("-", ""));
    }

    @AfterEach
    void dropIt() {
        database.drop();
        client.close();
    }

    @Test
    void aKeyReservedTwiceAnswersTheFirstReservation() {
        // given
        MongoIdempotencyKeys keys = new MongoIdempotencyKeys(database, CLOCK, Duration.ofDays(1));
        keys.reserve("key-1", "res-1", "fingerprint-a");

        // when
        Reservation again = keys.reserve("key-1", "res-2", "fingerprint-b");

        // then
        assertThat(again).isEqualTo(new Reservation("res-1", "fingerprint-a"));
    }

    @Test
    void keepsKeysForTheRetentionThroughATtlIndexOnCreatedAt() {
        // when
        new MongoIdempotencyKeys(database, CLOCK, Duration.ofDays(1));

        // then
        assertThat(retentionIndexes()).singleElement().satisfies(index -> {
            assertThat(index.get("key", Document.class)).containsEntry("createdAt", 1);
            assertThat(((Number) index.get("expireAfterSeconds")).longValue()).isEqualTo(Duration.ofDays(1).toSeconds());
        });
    }

    @Test
    void aChangedRetentionIsAppliedOnTheNextStartInsteadOfFailing() {
        // given
        new MongoIdempotencyKeys(database, CLOCK, Duration.ofDays(1));

        // when
        new MongoIdempotencyKeys(database, CLOCK, Duration.ofHours(6));

        // then
        assertThat(retentionIndexes()).singleElement().satisfies(index ->
                assertThat(((Number) index.get("expireAfterSeconds")).longValue())
                        .isEqualTo(Duration.ofHours(6).toSeconds()));
    }

    private List<Document> retentionIndexes() {
        return database.getCollection(MongoIdempotencyKeys.COLLECTION).listIndexes().into(new ArrayList<>()).stream()
                .filter(index -> MongoIdempotencyKeys.RETENTION_INDEX.equals(index.getString("name"))).toList();
    }
}
