package org.duban.intake.ratelimit.mongo;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.setOnInsert;

import java.time.Instant;
import java.util.Date;
import java.util.concurrent.TimeUnit;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.duban.intake.ratelimit.RateLimitCounters;

/**
 * Collection {@code public_rate_limits}: one document per client key and window ({@code _id} =
 * key|window start), counted by an atomic {@code $inc} with upsert, removed by a TTL index once the
 * window is long past.
 */
public final class MongoRateLimitCounters implements RateLimitCounters {

    static final String COLLECTION = "public_rate_limits";

    private final MongoCollection<Document> collection;

    public MongoRateLimitCounters(MongoDatabase database) {
        this.collection = database.getCollection(COLLECTION);
        collection.createIndex(Indexes.ascending("expiresAt"),
                new IndexOptions().expireAfter(0L, TimeUnit.SECONDS).name("expiry"));
    }

    @Override
    public long increment(String key, Instant windowStart, Instant expiresAt) {
        Bson filter = eq("_id", key + "|" + windowStart.getEpochSecond());
        Bson update = combine(inc("count", 1L), setOnInsert("expiresAt", Date.from(expiresAt)));
        FindOneAndUpdateOptions options = new FindOneAndUpdateOptions().upsert(true)
                .returnDocument(ReturnDocument.AFTER);
        Document counted;
        try {
            counted = collection.findOneAndUpdate(filter, update, options);
        } catch (MongoCommandException | MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(code(e)) != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // two first calls of a window raced to insert the counter: the loser counts on the winner's
            counted = collection.findOneAndUpdate(filter, update, options);
        }
        return ((Number) counted.get("count")).longValue();
    }

    private static int code(RuntimeException e) {
        return e instanceof MongoWriteException write ? write.getError().getCode()
                : ((MongoCommandException) e).getErrorCode();
    }
}
