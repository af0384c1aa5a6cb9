package org.duban.platform.mongo;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TTL index under a fixed name whose retention is a setting. MongoDB refuses {@code createIndex} for an
 * existing name with other options ({@code IndexOptionsConflict}), so a changed retention would stop the
 * service at start-up: the existing index's {@code expireAfterSeconds} is read first, and a different one is
 * changed in place with {@code collMod} (no moment without the index). Where {@code collMod} is refused —
 * a service signed in as a user with the {@code readWrite} role only, as compose and Kubernetes make them (the
 * role has no {@code collMod}: SERVER-20772), or the local Mongo-wire store, which does not know the command —
 * and when the index names another field, the index is dropped and made again ({@code dropIndex} and
 * {@code createIndex} are {@code readWrite}'s); until it is back, no document expires, nothing else changes.
 */
public final class TtlIndexes {

    private static final Logger log = LoggerFactory.getLogger(TtlIndexes.class);
    private static final int INDEX_NOT_FOUND = 27;

    private TtlIndexes() {
    }

    /**
     * Makes sure the documents of {@code collectionName} expire {@code retention} after their {@code field},
     * through the index {@code name}.
     */
    public static void expireAfter(MongoDatabase database, String collectionName, String name, String field,
            Duration retention) {
        MongoCollection<Document> collection = database.getCollection(collectionName);
        long seconds = retention.toSeconds();
        Document existing = find(collection, name);
        if (existing != null) {
            Number current = existing.get("expireAfterSeconds", Number.class);
            boolean sameField = ascendingOn(existing.get("key", Document.class), field);
            if (sameField && current != null && current.longValue() == seconds) {
                return;
            }
            if (sameField && current != null && changedInPlace(database, collectionName, name, seconds)) {
                log.info("TTL index {} of {}: retention changed from {} s to {} s", name, namespace(collection),
                        current, seconds);
                return;
            }
            dropUnlessGone(collection, name);
            log.info("TTL index {} of {}: replaced ({} → {} s on {})", name, namespace(collection), current,
                    seconds, field);
        }
        collection.createIndex(Indexes.ascending(field), new IndexOptions().name(name)
                .expireAfter(seconds, TimeUnit.SECONDS));
    }

    private static Document find(MongoCollection<Document> collection, String name) {
        for (Document index : collection.listIndexes()) {
            if (name.equals(index.getString("name"))) {
                return index;
            }
        }
        return null;
    }

    /** Another instance starting at the same moment may have dropped it first. */
    private static void dropUnlessGone(MongoCollection<Document> collection, String name) {
        try {
            collection.dropIndex(name);
        } catch (MongoCommandException e) {
            if (e.getErrorCode() != INDEX_NOT_FOUND) {
                throw e;
            }
        }
    }

    private static boolean ascendingOn(Document key, String field) {
        return key != null && key.size() == 1 && key.get(field) instanceof Number order && order.intValue() == 1;
    }

    private static boolean changedInPlace(MongoDatabase database, String collectionName, String name, long seconds) {
        try {
            database.runCommand(new Document("collMod", collectionName)
                    .append("index", new Document("name", name).append("expireAfterSeconds", seconds)));
            return true;
        } catch (MongoCommandException e) {
            log.info("collMod refused on {}.{} ({}): dropping the index and making it again", database.getName(),
                    collectionName, e.getErrorCodeName());
            return false;
        }
    }

    private static String namespace(MongoCollection<Document> collection) {
        return collection.getNamespace().getFullName();
    }
}
