package org.duban.platform.idempotency.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoDatabase;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.Document;
import org.duban.platform.idempotency.IdempotencyKeys.Reservation;
import org.duban.platform.testing.FreshDatabases;
import org.duban.platform.testing.WriteConcernsSent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Idempotency keys on the Mongo-wire store: one reservation per key, kept for the configured retention. */
class MongoIdempotencyKeysIT {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T08:00:00Z"), ZoneOffset.UTC);

    @RegisterExtension
    static final FreshDatabases mongo = new FreshDatabases("idempotency");

    private MongoDatabase database;

    @BeforeEach
    void aFreshDatabase() {
        database = mongo.fresh();
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
    void aReservationWaitsForTheJournalAsTheCreationAfterItDoes() {
        // given: the database as the services have it (majority writes)
        try (WriteConcernsSent sent = new WriteConcernsSent()) {
            MongoIdempotencyKeys keys = new MongoIdempotencyKeys(sent.database(database.getName()), CLOCK,
                    Duration.ofDays(1));

            // when
            keys.reserve("key-1", "res-1", "fingerprint-a");

            // then: not answered before it is durable — a store that restarted before the creation's write would
            // otherwise keep the creation and lose the key, and a retry with the key would create a second object
            assertThat(sent.to(MongoIdempotencyKeys.COLLECTION))
                    .containsExactly(new BsonDocument("w", new BsonString("majority")));
        }
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
