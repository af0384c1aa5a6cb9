package org.duban.platform.outbox;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.unset;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
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
        String name = collection.getNamespace().getCollectionName();
        Document document = OutboxDocuments.withEvents(new Document(state).append(VERSION, 0L), events);
        // stored claimed by this instance's relay, which then sends the events handed over without claiming them
        OutboxRelay.Claim claim = events.isEmpty() ? null : relay.claimForNew(name);
        if (claim != null) {
            OutboxDocuments.claimed(document, claim);
        }
        boolean stored = false;
        try {
            collection.insertOne(document);
            stored = true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                throw new DuplicateKey(e.getError().getMessage());
            }
            throw e;
        } finally {
            if (claim != null && !stored) {
                // not stored, or not known to be (then its lease expires, and a round takes what it holds)
                relay.cancel(claim);
            }
        }
        if (claim != null) {
            relay.handOver(claim, name, document.get(ID), OutboxDocuments.eventsOf(document));
        } else if (!events.isEmpty()) {
            relay.wakeUp(name, document.get(ID));
        }
    }

    /**
     * Replaces the aggregate's state fields and appends its new events, if it is still at
     * {@code expectedVersion}; the version goes up by one. A field whose new value is null is removed in
     * the same write, so that sparse indexes leave the document out.
     */
    public void update(MongoCollection<Document> collection, Object id, long expectedVersion, Document state,
            List<PendingEvent> events) {
        UpdateResult result = collection.updateOne(versioned(id, expectedVersion), changes(state, events));
        if (result.getMatchedCount() == 0) {
            throw new ConcurrentModification(collection.getNamespace().getCollectionName(), id);
        }
        if (!events.isEmpty()) {
            relay.wakeUp(collection.getNamespace().getCollectionName(), id);
        }
    }

    /**
     * Collects inserts and updates of several aggregates of {@code collection}, each as {@link #insert} and
     * {@link #update} make it, to store them in one bulk write ({@link Batch#write}).
     */
    public Batch batch(MongoCollection<Document> collection) {
        return new Batch(collection);
    }

    private static Bson versioned(Object id, long expectedVersion) {
        return and(eq(ID, id), eq(VERSION, expectedVersion));
    }

    private static Bson changes(Document state, List<PendingEvent> events) {
        List<Bson> updates = new ArrayList<>();
        for (Map.Entry<String, Object> field : state.entrySet()) {
            if (!field.getKey().equals(ID) && !field.getKey().equals(VERSION)) {
                updates.add(field.getValue() == null ? unset(field.getKey()) : set(field.getKey(), field.getValue()));
            }
        }
        updates.add(inc(VERSION, 1L));
        updates.add(OutboxDocuments.appendEvents(events));
        return combine(updates);
    }

    /**
     * Writes of several aggregates of one collection, stored together in one unordered bulk write: each write is
     * the single-document write {@link #insert} or {@link #update} would make (state and events together, the
     * update conditional on its version), so each stays atomic on its own and the batch needs no transaction.
     */
    public final class Batch {

        private final MongoCollection<Document> collection;
        private final List<WriteModel<Document>> writes = new ArrayList<>();
        private final List<Object> woken = new ArrayList<>();
        private int updates;

        private Batch(MongoCollection<Document> collection) {
            this.collection = collection;
        }

        /** A new aggregate at version 0 with its events. */
        public Batch insert(Document state, List<PendingEvent> events) {
            Document document = new Document(state).append(VERSION, 0L);
            writes.add(new InsertOneModel<>(OutboxDocuments.withEvents(document, events)));
            if (!events.isEmpty()) {
                woken.add(document.get(ID));
            }
            return this;
        }

        /** The aggregate's next state and new events, if it is still at {@code expectedVersion}. */
        public Batch update(Object id, long expectedVersion, Document state, List<PendingEvent> events) {
            writes.add(new UpdateOneModel<>(versioned(id, expectedVersion), changes(state, events)));
            updates++;
            if (!events.isEmpty()) {
                woken.add(id);
            }
            return this;
        }

        /**
         * Stores the writes in one round trip. The writes are independent: when one fails, the others are stored
         * all the same, and the failure is thrown after them.
         *
         * @throws DuplicateKey           if a unique index refused an insert
         * @throws ConcurrentModification if an update found its aggregate at another version
         */
        public void write() {
            Set<Object> duplicates = writeSkippingDuplicates();
            if (!duplicates.isEmpty()) {
                throw new DuplicateKey(collection.getNamespace().getCollectionName() + ": " + duplicates
                        + " stored already");
            }
        }

        /**
         * As {@link #write}, but an insert that a unique index refused (the aggregate is there already: a write
         * made again) is no failure.
         *
         * @return the ids of the inserts refused
         * @throws ConcurrentModification if an update found its aggregate at another version
         */
        public Set<Object> writeSkippingDuplicates() {
            if (writes.isEmpty()) {
                return Set.of();
            }
            String name = collection.getNamespace().getCollectionName();
            Set<Object> duplicates = new LinkedHashSet<>();
            int matched;
            try {
                matched = collection.bulkWrite(writes, new BulkWriteOptions().ordered(false)).getMatchedCount();
            } catch (MongoBulkWriteException e) {
                for (BulkWriteError error : e.getWriteErrors()) {
                    if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY
                            || !(writes.get(error.getIndex()) instanceof InsertOneModel<Document> insert)) {
                        throw e;
                    }
                    duplicates.add(insert.getDocument().get(ID));
                }
                matched = e.getWriteResult().getMatchedCount();
            } finally {
                woken.forEach(id -> relay.wakeUp(name, id));
            }
            if (matched < updates) {
                throw new ConcurrentModification(name, (updates - matched) + " of " + updates
                        + " aggregates updated in one batch");
            }
            return duplicates;
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
