package org.duban.platform.idempotency.mongo;

import static com.mongodb.client.model.Filters.eq;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.concurrent.TimeUnit;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.duban.platform.idempotency.IdempotencyKeys;

/** Collection {@code idempotency_keys}: one document per key, kept for a retention period (TTL index). */
public final class MongoIdempotencyKeys implements IdempotencyKeys {

    private final MongoCollection<Document> collection;
    private final Clock clock;

    public MongoIdempotencyKeys(MongoDatabase database, Clock clock, Duration retention) {
        this.collection = database.getCollection("idempotency_keys");
        this.clock = clock;
        collection.createIndex(Indexes.ascending("createdAt"),
                new IndexOptions().name("expire_keys").expireAfter(retention.toSeconds(), TimeUnit.SECONDS));
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
