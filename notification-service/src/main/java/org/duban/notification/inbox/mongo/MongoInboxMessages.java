package org.duban.notification.inbox.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static org.duban.platform.mongo.MongoDates.date;
import static org.duban.platform.mongo.MongoDates.instant;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;

import com.mongodb.ReadConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.duban.notification.inbox.Acknowledgement;
import org.duban.notification.inbox.InboxMessage;
import org.duban.notification.inbox.InboxMessageSnapshot;
import org.duban.notification.inbox.InboxMessages;
import org.duban.notification.inbox.NewMessage;
import org.duban.platform.domain.Page;
import org.duban.platform.domain.PageRequest;
import org.duban.platform.events.PendingEvents;
import org.duban.platform.outbox.AggregateWriter;
import org.duban.platform.outbox.AggregateWriter.ConcurrentModification;
import org.duban.platform.outbox.AggregateWriter.DuplicateKey;
import org.duban.platform.mongo.MongoPages;

/**
 * Inbox messages in {@code inbox_messages}, one document per message, keyed by the message id (which
 * is derived from the source event, so a redelivered event hits the unique {@code _id}). The
 * document carries the outbox of its acknowledgement event.
 *
 * <p>{@code read} mirrors "acknowledgedAt is set" so that the index {@code unit_read_created} serves
 * the inbox order (unread first, newest first), the unread filter and the unread count.
 */
public final class MongoInboxMessages implements InboxMessages {

    static final String COLLECTION = "inbox_messages";

    private final MongoCollection<Document> collection;
    /** The messages a redelivered event finds, read back at once: LOCAL, as a majority read may not see them yet. */
    private final MongoCollection<Document> delivered;
    private final AggregateWriter writer;
    private final PendingEvents pendingEvents;

    public MongoInboxMessages(MongoDatabase database, AggregateWriter writer, PendingEvents pendingEvents) {
        this.collection = database.getCollection(COLLECTION);
        this.delivered = collection.withReadConcern(ReadConcern.LOCAL);
        this.writer = writer;
        this.pendingEvents = pendingEvents;
        createIndexes();
    }

    private void createIndexes() {
        collection.createIndex(
                Indexes.compoundIndex(Indexes.ascending("unitId", "read"), Indexes.descending("createdAt"),
                        Indexes.ascending("_id")),
                new IndexOptions().name("unit_read_created"));
    }

    @Override
    public boolean addIfAbsent(InboxMessage message) {
        try {
            writer.insert(collection, toDocument(message), List.of());
            return true;
        } catch (DuplicateKey alreadyDelivered) {
            return false;
        }
    }

    /**
     * One unordered bulk insert; a message there already is left as it is. It waits for the journal, as every write
     * here: the deliveries that announce these messages are written after it, and a store that restarted in between
     * would otherwise have lost the messages while it keeps the deliveries (ADR 0018, revised).
     */
    @Override
    public Set<String> addAllIfAbsent(List<InboxMessage> messages) {
        AggregateWriter.Batch batch = writer.batch(collection);
        messages.forEach(message -> batch.insert(toDocument(message), List.of()));
        Set<String> there = new HashSet<>();
        batch.writeSkippingDuplicates().forEach(id -> there.add((String) id));
        return there;
    }

    @Override
    public Map<String, InboxMessage> byIds(Collection<String> ids) {
        Map<String, InboxMessage> found = new HashMap<>();
        if (!ids.isEmpty()) {
            delivered.find(in("_id", ids)).map(MongoInboxMessages::fromDocument)
                    .forEach(message -> found.put(message.id(), message));
        }
        return found;
    }

    @Override
    public Optional<InboxMessage> byId(String id) {
        return Optional.ofNullable(collection.find(eq("_id", id)).first()).map(MongoInboxMessages::fromDocument);
    }

    @Override
    public boolean update(InboxMessage message) {
        try {
            writer.update(collection, message.id(), message.version(), toDocument(message),
                    pendingEvents.of(message.id(), message.recordedEvents()));
            return true;
        } catch (ConcurrentModification changedMeanwhile) {
            return false;
        }
    }

    @Override
    public Page<InboxMessage> ofUnit(String unitId, boolean unreadOnly, PageRequest page) {
        Bson filter = unreadOnly ? and(eq("unitId", unitId), eq("read", false)) : eq("unitId", unitId);
        return MongoPages.page(collection, filter,
                Sorts.orderBy(Sorts.ascending("read"), Sorts.descending("createdAt"), Sorts.ascending("_id")), page,
                MongoInboxMessages::fromDocument);
    }

    @Override
    public long countUnread(String unitId) {
        return collection.countDocuments(and(eq("unitId", unitId), eq("read", false)));
    }

    static Document toDocument(InboxMessage message) {
        return new Document("_id", message.id())
                .append("unitId", message.unitId())
                .append("sourceEventId", message.sourceEventId())
                .append("sourceEventType", message.sourceEventType())
                .append("caseId", message.caseId())
                .append("assignmentId", message.assignmentId())
                .append("title", message.title())
                .append("body", message.body())
                .append("createdAt", date(message.createdAt()))
                .append("read", message.isAcknowledged())
                .append("acknowledgedAt", date(message.acknowledgedAt()))
                .append("acknowledgedBy", message.acknowledgedBy());
    }

    static InboxMessage fromDocument(Document document) {
        Instant acknowledgedAt = instant(document.getDate("acknowledgedAt"));
        return InboxMessage.restore(new InboxMessageSnapshot(
                document.getString("_id"),
                new NewMessage(document.getString("sourceEventId"), document.getString("sourceEventType"),
                        document.getString("unitId"), document.getString("caseId"),
                        document.getString("assignmentId"), document.getString("title"), document.getString("body")),
                instant(document.getDate("createdAt")),
                acknowledgedAt == null ? null
                        : new Acknowledgement(acknowledgedAt, document.getString("acknowledgedBy")),
                document.get("version", Number.class).longValue()));
    }
}
