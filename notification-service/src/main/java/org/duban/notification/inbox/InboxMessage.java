package org.duban.notification.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;

import org.duban.contracts.events.Actor;
import org.duban.contracts.events.DubanEvent;
import org.duban.contracts.events.NotificationAcknowledged;
import org.duban.platform.domain.AggregateRoot;
import org.duban.platform.domain.StateConflict;

/**
 * A message in a unit's inbox. It is delivered once per event and unit, and acknowledged at most
 * once: the first acknowledgement is the proof that the unit was told (送达), recorded as an event.
 */
public final class InboxMessage extends AggregateRoot<DubanEvent> {

    /** The owner of the office inbox that every supervisor reads (what units answer or ask for). */
    public static final String OFFICE = "office";

    /** The inbox order: unread before read, then newest first; the id breaks ties so pages are stable. */
    public static final Comparator<InboxMessage> UNREAD_FIRST_NEWEST_FIRST = Comparator
            .comparing(InboxMessage::isAcknowledged)
            .thenComparing(InboxMessage::createdAt, Comparator.reverseOrder())
            .thenComparing(InboxMessage::id);

    private final String id;
    private final NewMessage message;
    private final Instant createdAt;
    private Acknowledgement acknowledgement;
    private final long version;

    private InboxMessage(InboxMessageSnapshot stored) {
        this.id = stored.id();
        this.message = stored.message();
        this.createdAt = stored.createdAt();
        this.acknowledgement = stored.acknowledgement();
        this.version = stored.version();
    }

    /**
     * The id of the message telling {@code unitId} about event {@code sourceEventId}: the same inputs
     * always give the same id, so an event delivered twice finds its message already there.
     */
    public static String idFor(String sourceEventId, String unitId) {
        String name = "duban-inbox:" + sourceEventId + ":" + unitId;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** A new, unread message for the delivery, delivered {@code at}. */
    public static InboxMessage deliver(NewMessage delivery, Instant at) {
        return new InboxMessage(new InboxMessageSnapshot(idFor(delivery.sourceEventId(), delivery.unitId()), delivery,
                at, null, 0L));
    }

    /** Rebuilds a stored message. */
    public static InboxMessage restore(InboxMessageSnapshot stored) {
        return new InboxMessage(stored);
    }

    public InboxMessageSnapshot snapshot() {
        return new InboxMessageSnapshot(id, message, createdAt, acknowledgement, version);
    }

    /**
     * The unit acknowledges the message: it is read from now on, and the acknowledgement is recorded
     * as an event — the proof of receipt.
     *
     * @throws StateConflict if it was acknowledged before (the first acknowledgement is the proof)
     */
    public void acknowledge(Actor by, Instant at) {
        if (isAcknowledged()) {
            throw new StateConflict("inbox message", id, "ACKNOWLEDGED", "acknowledge it again");
        }
        acknowledgement = new Acknowledgement(at, by.subject());
        record(new NotificationAcknowledged(id, unitId(), caseId(), sourceEventId(), sourceEventType(),
                createdAt, at, by));
    }

    public boolean isAcknowledged() {
        return acknowledgement != null;
    }

    /** The stored version it was read at (0 for a new one). */
    @Override
    public long version() {
        return version;
    }

    public String id() {
        return id;
    }

    public String unitId() {
        return message.unitId();
    }

    public String sourceEventId() {
        return message.sourceEventId();
    }

    public String sourceEventType() {
        return message.sourceEventType();
    }

    public String caseId() {
        return message.caseId();
    }

    public String assignmentId() {
        return message.assignmentId();
    }

    public String title() {
        return message.title();
    }

    public String body() {
        return message.body();
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** When the unit acknowledged it; null while unread. */
    public Instant acknowledgedAt() {
        return acknowledgement == null ? null : acknowledgement.at();
    }

    /** Who acknowledged it; null while unread. */
    public String acknowledgedBy() {
        return acknowledgement == null ? null : acknowledgement.by();
    }
}
