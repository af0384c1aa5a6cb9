package org.duban.platform.outbox;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.unset;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.result.UpdateResult;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.duban.platform.events.PendingEvent;

/**
 * Stores an aggregate's state together with the events it recorded, in one single-document write —
 * the only atomicity MongoDB needs to give us (no transactions). Versions guard against lost updates:
 * an update names the version it read and fails with {@link ConcurrentModification} if another
 * write came first. A write that stored events tells the relay which document it was, so they leave
 * within milliseconds.
 */
public final class AggregateWriter {

    public static final String ID = "_id";
    public static final String VERSION = "version";

    private final OutboxRelay relay;

    public AggregateWriter(OutboxRelay relay) {
        this.relay = relay;
    }

    /**
     * Inserts a new aggregate at version 0 with its events.
     *
     * @throws DuplicateKey if a unique index (the id or a natural key) already holds the value
     */
    public void insert(MongoCollection<Document> collection, Document state, List<PendingEvent> events) {
        Document document = new Document(state).append(VERSION, 0L);
        try {
            collection.insertOne(OutboxDocuments.withEvents(document, events));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                throw new DuplicateKey(e.getError().getMessage());
            }
            throw e;
        }
        if (!events.isEmpty()) {
            relay.wakeUp(collection.getNamespace().getCollectionName(), document.get(ID));
        }
    }

    /**
     * Replaces the aggregate's state fields and appends its new events, if it is still at
     * {@code expectedVersion}; the version goes up by one. A field whose new value is null is removed in
     * the same write, so that sparse indexes leave the document out.
     */
    public void update(MongoCollection<Document> collection, Object id, long expectedVersion, Document state,
            List<PendingEvent> events) {
        List<Bson> updates = new ArrayList<>();
        for (Map.Entry<String, Object> field : state.entrySet()) {
            if (!field.getKey().equals(ID) && !field.getKey().equals(VERSION)) {
                updates.add(field.getValue() == null ? unset(field.getKey()) : set(field.getKey(), field.getValue()));
            }
        }
        updates.add(inc(VERSION, 1L));
        updates.add(OutboxDocuments.appendEvents(events));
        UpdateResult result = collection.updateOne(and(eq(ID, id), eq(VERSION, expectedVersion)), combine(updates));
        if (result.getMatchedCount() == 0) {
            throw new ConcurrentModification(collection.getNamespace().getCollectionName(), id);
        }
        if (!events.isEmpty()) {
            relay.wakeUp(collection.getNamespace().getCollectionName(), id);
        }
    }

    /** Another write changed the aggregate since it was read; the caller may reload and retry. */
    public static final class ConcurrentModification extends RuntimeException {
        public ConcurrentModification(String collection, Object id) {
            super(collection + " " + id + " was changed concurrently");
        }
    }

    /** A unique index refused the insert. */
    public static final class DuplicateKey extends RuntimeException {
        public DuplicateKey(String message) {
            super(message);
        }
    }
}
