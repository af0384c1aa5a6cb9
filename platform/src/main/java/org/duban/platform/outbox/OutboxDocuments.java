package org.duban.platform.outbox;

import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.min;
import static com.mongodb.client.model.Updates.pushEach;

import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.duban.platform.events.PendingEvent;

/**
 * How pending events live inside an aggregate's document: an {@code outbox} array in publication
 * order, and {@code outboxSince}, the time of the oldest one, present only while the array has
 * entries (the relay's indexed work list). {@code outboxLease} marks a relay instance's claim until when it
 * holds, {@code outboxClaim} which claim it is (a token per batch of documents claimed together); both go when
 * the relay releases the document.
 */
public final class OutboxDocuments {

    public static final String OUTBOX = "outbox";
    public static final String OUTBOX_SINCE = "outboxSince";
    public static final String OUTBOX_LEASE = "outboxLease";
    public static final String OUTBOX_CLAIM = "outboxClaim";
    /** An entry's W3C trace context, present when the entry was recorded within a trace. */
    static final String TRACEPARENT = "traceparent";

    private OutboxDocuments() {
    }

    /** Adds the events to a document about to be inserted. */
    public static Document withEvents(Document document, List<PendingEvent> events) {
        if (!events.isEmpty()) {
            document.append(OUTBOX, events.stream().map(OutboxDocuments::toDocument).toList());
            document.append(OUTBOX_SINCE, Date.from(events.get(0).time()));
        }
        return document;
    }

    /**
     * Marks a document about to be inserted as claimed by {@code claim} of this instance's relay, as a claim would
     * mark it (ADR 0003).
     */
    static Document claimed(Document document, OutboxRelay.Claim claim) {
        return document.append(OUTBOX_LEASE, Date.from(claim.until())).append(OUTBOX_CLAIM, claim.token());
    }

    /** The events in a document's outbox, in order, as the relay reads them. */
    static List<PendingEvent> eventsOf(Document document) {
        return document.getList(OUTBOX, Document.class, List.of()).stream().map(OutboxDocuments::fromDocument)
                .toList();
    }

    /** The update that appends the events to an existing document's outbox. */
    public static Bson appendEvents(List<PendingEvent> events) {
        if (events.isEmpty()) {
            return combine();
        }
        return combine(
                pushEach(OUTBOX, events.stream().map(OutboxDocuments::toDocument).toList()),
                min(OUTBOX_SINCE, Date.from(events.get(0).time())));
    }

    static Document toDocument(PendingEvent event) {
        Document document = new Document("id", event.id())
                .append("type", event.type())
                .append("topic", event.topic())
                .append("key", event.key())
                .append("subject", event.subject())
                .append("time", Date.from(event.time()))
                .append("data", event.data());
        if (event.traceparent() != null) {
            document.append(TRACEPARENT, event.traceparent());
        }
        return document;
    }

    static PendingEvent fromDocument(Document document) {
        return new PendingEvent(
                document.getString("id"),
                document.getString("type"),
                document.getString("topic"),
                document.getString("key"),
                document.getString("subject"),
                document.getDate("time").toInstant(),
                document.getString("data"),
                document.getString(TRACEPARENT));
    }
}
