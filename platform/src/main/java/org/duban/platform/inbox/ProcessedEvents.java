package org.duban.platform.inbox;

import static com.mongodb.client.model.Filters.eq;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
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
