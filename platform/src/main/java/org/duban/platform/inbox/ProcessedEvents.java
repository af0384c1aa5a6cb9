package org.duban.platform.inbox;

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
import org.duban.platform.kafka.IncomingEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a consumer idempotent on the event id: an event id already recorded here is not handled
 * again. The id is recorded after the handler succeeds, so a crash in between hands the event to the
 * handler once more — handlers are written to tolerate that (each effect is keyed by the event or
 * the aggregate), which makes "effect once" hold without a transaction (docs/adr/0003-events.md).
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
        keepFor(retention.toSeconds());
    }

    /** The TTL index; one left by an earlier start with another retention is replaced, not kept beside it. */
    private void keepFor(long seconds) {
        for (Document index : collection.listIndexes()) {
            if (RETENTION_INDEX.equals(index.getString("name"))) {
                Number current = index.get("expireAfterSeconds", Number.class);
                if (current != null && current.longValue() == seconds) {
                    return;
                }
                collection.dropIndex(RETENTION_INDEX);
            }
        }
        collection.createIndex(Indexes.ascending("processedAt"), new IndexOptions().name(RETENTION_INDEX)
                .expireAfter(seconds, TimeUnit.SECONDS));
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
            collection.insertOne(new Document("_id", id)
                    .append("type", event.type())
                    .append("position", event.position())
                    .append("processedAt", Date.from(clock.instant())));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        return true;
    }
}
