package org.duban.platform.idempotency.mongo;

import static com.mongodb.client.model.Filters.eq;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.ReadConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.duban.platform.idempotency.IdempotencyKeys;
import org.duban.platform.mongo.TtlIndexes;

/**
 * Collection {@code idempotency_keys}: one document per key, kept for a retention period (TTL index
 * {@code expire_keys} on {@code createdAt}; a changed retention changes the index at the next start).
 */
public final class MongoIdempotencyKeys implements IdempotencyKeys {

    static final String COLLECTION = "idempotency_keys";
    static final String RETENTION_INDEX = "expire_keys";

    private final MongoCollection<Document> collection;
    private final Clock clock;

    public MongoIdempotencyKeys(MongoDatabase database, Clock clock, Duration retention) {
        // a reservation waits for the journal like the creation after it: a store that restarted between the two would
        // otherwise keep the creation and lose the reservation, and a retry with the key would create again (ADR 0018,
        // revised). The reservation a duplicate key names is read back with LOCAL: a concurrent request's may not be
        // majority-committed yet on a replica set
        this.collection = database.getCollection(COLLECTION).withReadConcern(ReadConcern.LOCAL);
        this.clock = clock;
        TtlIndexes.expireAfter(database, COLLECTION, RETENTION_INDEX, "createdAt", retention);
    }

    @Override
    public Reservation reserve(String key, String resourceId, String fingerprint) {
        try {
            collection.insertOne(new Document("_id", key)
                    .append("resourceId", resourceId)
                    .append("fingerprint", fingerprint)
                    .append("createdAt", Date.from(clock.instant())));
            return new Reservation(resourceId, fingerprint);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            Document earlier = collection.find(eq("_id", key)).first();
            if (earlier == null) {
                throw new IllegalStateException("idempotency key " + key + " vanished while being read", e);
            }
            return new Reservation(earlier.getString("resourceId"), earlier.getString("fingerprint"));
        }
    }
}
