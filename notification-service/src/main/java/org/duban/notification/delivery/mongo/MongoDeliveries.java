package org.duban.notification.delivery.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Filters.size;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.unset;
import static org.duban.platform.mongo.MongoDates.date;
import static org.duban.platform.mongo.MongoDates.instant;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.duban.contracts.events.DubanEvent;
import org.duban.notification.delivery.Attempt;
import org.duban.notification.delivery.AttemptError;
import org.duban.notification.delivery.Channel;
import org.duban.notification.delivery.Deliveries;
import org.duban.notification.delivery.Delivery;
import org.duban.notification.delivery.DeliveryContent;
import org.duban.notification.delivery.DeliveryProgress;
import org.duban.notification.delivery.DeliverySnapshot;
import org.duban.notification.delivery.DeliveryStatus;
import org.duban.notification.delivery.DeliveryTarget;
import org.duban.platform.domain.Page;
import org.duban.platform.domain.PageRequest;
import org.duban.platform.events.PendingEvents;
import org.duban.platform.outbox.AggregateWriter;
import org.duban.platform.outbox.OutboxDocuments;
import org.duban.platform.outbox.OutboxRelay;
import org.duban.platform.mongo.MongoPages;

/**
 * Deliveries in {@code deliveries}, one document each, keyed by the delivery id (derived from the
 * message and the target, so scheduling twice hits the unique {@code _id}). {@code lease}/{@code leaseToken}
 * mark a dispatcher's claim; an attempt is stored only by the holder of the lease, together with its
 * events in the document's outbox (one write). {@code expiresAt} is set on deliveries that failed for
 * good: a TTL index deletes them then.
 */
public final class MongoDeliveries implements Deliveries {

    static final String COLLECTION = "deliveries";

    private final MongoCollection<Document> collection;
    private final AggregateWriter writer;
    private final PendingEvents pendingEvents;
    private final OutboxRelay relay;

    /** @param relay woken when an attempt stored events (an attempt is stored by its lease, not its version) */
    public MongoDeliveries(MongoDatabase database, AggregateWriter writer, PendingEvents pendingEvents,
            OutboxRelay relay) {
        this.collection = database.getCollection(COLLECTION);
        this.writer = writer;
        this.pendingEvents = pendingEvents;
        this.relay = relay;
        createIndexes();
    }

    private void createIndexes() {
        collection.createIndex(Indexes.ascending("status", "nextAttemptAt"), new IndexOptions().name("status_due"));
        collection.createIndex(Indexes.compoundIndex(Indexes.ascending("unitId", "status"),
                Indexes.descending("createdAt")), new IndexOptions().name("unit_status_created"));
        collection.createIndex(Indexes.descending("createdAt"), new IndexOptions().name("created"));
        collection.createIndex(Indexes.ascending("expiresAt"),
                new IndexOptions().name("expires_ttl").expireAfter(0L, TimeUnit.SECONDS));
    }

    @Override
    public boolean addIfAbsent(Delivery delivery) {
        return insert(toDocument(delivery));
    }

    @Override
    public boolean addHeld(Delivery delivery, Instant leaseUntil, String token) {
        return insert(toDocument(delivery).append("lease", Date.from(leaseUntil)).append("leaseToken", token));
    }

    /** A new delivery records no event yet. */
    private boolean insert(Document delivery) {
        try {
            writer.insert(collection, delivery, List.of());
            return true;
        } catch (AggregateWriter.DuplicateKey alreadyScheduled) {
            return false;
        }
    }

    @Override
    public Optional<Delivery> byId(String id) {
        return Optional.ofNullable(collection.find(eq("_id", id)).first()).map(MongoDeliveries::fromDocument);
    }

    @Override
    public Optional<Delivery> claimDue(Instant now, Duration lease, String token) {
        Document claimed = collection.findOneAndUpdate(due(now),
                combine(set("lease", Date.from(now.plus(lease))), set("leaseToken", token)),
                new FindOneAndUpdateOptions().sort(Sorts.ascending("nextAttemptAt"))
                        .returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(claimed).map(MongoDeliveries::fromDocument);
    }

    private static Bson due(Instant now) {
        return and(eq("status", DeliveryStatus.PENDING.name()), lte("nextAttemptAt", Date.from(now)), free(now));
    }

    @Override
    public boolean storeAttempt(Delivery delivery, String token) {
        List<DubanEvent> events = delivery.recordedEvents();
        List<Bson> updates = new ArrayList<>(stateUpdates(delivery));
        updates.add(unset("lease"));
        updates.add(unset("leaseToken"));
        updates.add(inc("version", 1L));
        updates.add(OutboxDocuments.appendEvents(pendingEvents.of(delivery.id(), events)));
        boolean stored = collection.updateOne(and(eq("_id", delivery.id()), eq("leaseToken", token)), combine(updates))
                .getModifiedCount() == 1;
        if (stored && !events.isEmpty()) {
            relay.wakeUp(COLLECTION, delivery.id());
        }
        return stored;
    }

    @Override
    public boolean storeRedelivery(Delivery delivery, Instant now) {
        List<Bson> updates = new ArrayList<>(stateUpdates(delivery));
        updates.add(set("recipients", delivery.target().recipients()));
        updates.add(inc("version", 1L));
        return collection.updateOne(and(eq("_id", delivery.id()), eq("version", delivery.version()), free(now)),
                combine(updates)).getModifiedCount() == 1;
    }

    @Override
    public Page<Delivery> list(String unitId, DeliveryStatus status, PageRequest page) {
        List<Bson> filters = new ArrayList<>();
        if (unitId != null) {
            filters.add(eq("unitId", unitId));
        }
        if (status != null) {
            filters.add(eq("status", status.name()));
        }
        Bson filter = filters.isEmpty() ? new Document() : and(filters);
        return MongoPages.page(collection, filter, Sorts.orderBy(Sorts.descending("createdAt"), Sorts.ascending("_id")),
                page, MongoDeliveries::fromDocument);
    }

    @Override
    public int contactsArrived(String unitId, List<String> recipients, Instant now) {
        List<Bson> updates = new ArrayList<>(List.of(set("nextAttemptAt", Date.from(now)), inc("version", 1L)));
        if (!recipients.isEmpty()) {
            updates.add(set("recipients", recipients));
        }
        return (int) collection.updateMany(and(eq("unitId", unitId), eq("channel", Channel.EMAIL.name()),
                eq("status", DeliveryStatus.PENDING.name()), size("recipients", 0), free(now)), combine(updates))
                .getModifiedCount();
    }

    @Override
    public Optional<Instant> nextDue(Instant now) {
        Document next = collection.find(and(eq("status", DeliveryStatus.PENDING.name()), free(now)))
                .sort(Sorts.ascending("nextAttemptAt")).projection(Projections.include("nextAttemptAt")).first();
        return Optional.ofNullable(next).map(document -> document.getDate("nextAttemptAt").toInstant());
    }

    private static Bson free(Instant now) {
        return or(exists("lease", false), lt("lease", Date.from(now)));
    }

    private static List<Bson> stateUpdates(Delivery delivery) {
        DeliveryProgress progress = delivery.progress();
        return List.of(
                set("status", delivery.status().name()),
                set("attempts", progress.attempts().stream().map(MongoDeliveries::toDocument).toList()),
                set("roundAttempts", progress.roundAttempts()),
                set("nextAttemptAt", date(progress.nextAttemptAt())),
                set("completedAt", date(progress.completedAt())),
                set("expiresAt", date(progress.expiresAt())));
    }

    static Document toDocument(Delivery delivery) {
        DeliveryTarget target = delivery.target();
        DeliveryContent content = delivery.content();
        DeliveryProgress progress = delivery.progress();
        return new Document("_id", delivery.id())
                .append("channel", target.channel().name())
                .append("unitId", target.unitId())
                .append("endpointId", target.endpointId())
                .append("recipients", target.recipients())
                .append("messageId", content.messageId())
                .append("sourceEventId", content.sourceEventId())
                .append("sourceEventType", content.sourceEventType())
                .append("caseId", content.caseId())
                .append("subject", content.subject())
                .append("payload", content.payload())
                .append("status", delivery.status().name())
                .append("attempts", progress.attempts().stream().map(MongoDeliveries::toDocument).toList())
                .append("roundAttempts", progress.roundAttempts())
                .append("nextAttemptAt", date(progress.nextAttemptAt()))
                .append("createdAt", date(delivery.createdAt()))
                .append("completedAt", date(progress.completedAt()))
                .append("expiresAt", date(progress.expiresAt()))
                .append("traceparent", delivery.traceparent());
    }

    private static Document toDocument(Attempt attempt) {
        return new Document("number", attempt.number())
                .append("at", date(attempt.at()))
                .append("status", attempt.status())
                .append("latencyMillis", attempt.latencyMillis())
                .append("error", attempt.error());
    }

    static Delivery fromDocument(Document document) {
        return Delivery.restore(new DeliverySnapshot(
                document.getString("_id"),
                new DeliveryTarget(Channel.valueOf(document.getString("channel")), document.getString("unitId"),
                        document.getString("endpointId"), document.getList("recipients", String.class, List.of())),
                new DeliveryContent(document.getString("messageId"), document.getString("sourceEventId"),
                        document.getString("sourceEventType"), document.getString("caseId"),
                        document.getString("subject"), document.getString("payload")),
                DeliveryStatus.valueOf(document.getString("status")),
                new DeliveryProgress(
                        document.getList("attempts", Document.class, List.of()).stream().map(MongoDeliveries::attempt)
                                .toList(),
                        document.get("roundAttempts", Number.class).intValue(),
                        instant(document.getDate("nextAttemptAt")),
                        instant(document.getDate("completedAt")),
                        instant(document.getDate("expiresAt"))),
                instant(document.getDate("createdAt")),
                document.getString("traceparent"),
                document.get("version", Number.class).longValue()));
    }

    private static Attempt attempt(Document document) {
        return new Attempt(document.get("number", Number.class).intValue(), instant(document.getDate("at")),
                document.getInteger("status"), document.get("latencyMillis", Number.class).longValue(),
                stableError(document.getString("error")));
    }

    /**
     * Attempts stored before issue #13 may carry an exception's text (hosts and addresses, the office's
     * mail server); they are read as the stable reason that replaced it, so the unit never sees them. The
     * next attempt stored rewrites the document in the new form.
     */
    static String stableError(String stored) {
        if (stored == null) {
            return null;
        }
        if (stored.startsWith("no answer: ")) {
            return AttemptError.CONNECTION_FAILED.text();
        }
        if (stored.startsWith("SMTP: ")) {
            return AttemptError.MAIL_NOT_ACCEPTED.text();
        }
        if (stored.startsWith("timed out after ")) {
            return AttemptError.TIMED_OUT.text();
        }
        if (stored.startsWith("target refused: ")) {
            if (stored.contains("does not resolve")) {
                return AttemptError.HOST_NOT_FOUND.text();
            }
            return stored.contains("resolves to") ? AttemptError.ADDRESS_NOT_ALLOWED.text()
                    : AttemptError.URL_NOT_ALLOWED.text();
        }
        return stored;
    }
}
