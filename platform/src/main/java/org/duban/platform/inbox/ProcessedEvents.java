package org.duban.platform.inbox;

import static com.mongodb.client.model.Filters.eq;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.duban.platform.kafka.IncomingEvent;
import org.duban.platform.mongo.TtlIndexes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a consumer idempotent on the event id: an event id already recorded here is not handled
 * again. The id is recorded after the handler succeeds, so a crash in between hands the event to the
 * handler once more — handlers are written to tolerate that (each effect is keyed by the event or
 * the aggregate), which makes "effect once" hold without a transaction (docs/adr/0003-events-outbox-idempotency.md).
 *
 * <p>Ids are kept for a retention period (a TTL index on {@code processedAt}), long enough to cover
 * any redelivery Kafka makes (a rebalance, a restart, a relay publishing twice); a deliberate replay
 * from the start of a topic, much later, relies on the handlers' own keys.
 */
public final class ProcessedEvents {

    static final String COLLECTION = "processed_events";
    private static final String RETENTION_INDEX = "retention";
    private static final Logger log = LoggerFactory.getLogger(ProcessedEvents.class);

    private final MongoCollection<Document> collection;
    private final Clock clock;

    public ProcessedEvents(MongoDatabase database, Clock clock, Duration retention) {
        this.collection = database.getCollection(COLLECTION);
        this.clock = clock;
        // one left by an earlier start with another retention is changed, not refused (TtlIndexes)
        TtlIndexes.expireAfter(database, COLLECTION, RETENTION_INDEX, "processedAt", retention);
    }

    /**
     * Runs {@code handler} unless {@code consumer} already handled this event.
     *
     * @return whether the handler ran
     */
    public boolean handleOnce(String consumer, IncomingEvent event, Runnable handler) {
        String id = consumer + ":" + event.id();
        if (collection.find(eq("_id", id)).first() != null) {
            log.info("skipped {} {} from {}: already handled", event.type(), event.id(), event.position());
            return false;
        }
        handler.run();
        log.info("handled {} {} from {}", event.type(), event.id(), event.position());
        try {
            collection.insertOne(record(id, event));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        return true;
    }

    /**
     * For a consumer that handles events in batches: which of {@code eventIds} {@code consumer} already handled, in
     * one query by {@code _id} (what {@link #handleOnce} checks one at a time).
     */
    public Set<String> handled(String consumer, Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        List<String> ids = eventIds.stream().map(eventId -> consumer + ":" + eventId).toList();
        Set<String> handled = new HashSet<>();
        String prefix = consumer + ":";
        collection.find(Filters.in("_id", ids)).projection(Projections.include("_id"))
                .forEach(document -> handled.add(document.getString("_id").substring(prefix.length())));
        return handled;
    }

    /**
     * For a consumer that handles events in batches: records that {@code consumer} handled {@code events}, in one
     * write, once their effects are stored (as {@link #handleOnce} does after its handler); an id recorded already
     * is left as it is. The caller logs each event, within its trace ({@code EventBatches}).
     */
    public void recordHandled(String consumer, Collection<IncomingEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        List<Document> records = new ArrayList<>();
        for (IncomingEvent event : events) {
            records.add(record(consumer + ":" + event.id(), event));
        }
        try {
            collection.insertMany(records, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            if (e.getWriteErrors().stream().anyMatch(error ->
                    ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY)) {
                throw e;
            }
        }
    }

    private Document record(String id, IncomingEvent event) {
        return new Document("_id", id)
                .append("type", event.type())
                .append("position", event.position())
                .append("processedAt", Date.from(clock.instant()));
    }
}
