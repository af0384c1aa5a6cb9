package org.duban.notification.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.UUID;

import org.duban.contracts.events.Actor;
import org.duban.contracts.events.NotificationAcknowledged;
import org.duban.platform.domain.StateConflict;

/**
 * A message in a unit's inbox. It is delivered once per event and unit, and acknowledged at most
 * once: the first acknowledgement is the proof that the unit was told (送达).
 *
 * @param id              derived from the source event and the unit (see {@link #idFor})
 * @param createdAt       when it was delivered to the inbox
 * @param acknowledgedAt  when the unit acknowledged it; null while unread
 * @param acknowledgedBy  who acknowledged it (the token's subject); null while unread
 * @param version         the stored version it was read at (optimistic locking)
 */
public record InboxMessage(
        String id,
        String unitId,
        String sourceEventId,
        String sourceEventType,
        String caseId,
        String assignmentId,
        String title,
        String body,
        Instant createdAt,
        Instant acknowledgedAt,
        String acknowledgedBy,
        long version) {

    /** The owner of the office inbox that every supervisor reads (what units answer or ask for). */
    public static final String OFFICE = "office";

    /** The inbox order: unread before read, then newest first; the id breaks ties so pages are stable. */
    public static final Comparator<InboxMessage> UNREAD_FIRST_NEWEST_FIRST = Comparator
            .comparing(InboxMessage::isAcknowledged)
            .thenComparing(InboxMessage::createdAt, Comparator.reverseOrder())
            .thenComparing(InboxMessage::id);

    public InboxMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(unitId, "unitId");
        Objects.requireNonNull(sourceEventId, "sourceEventId");
        Objects.requireNonNull(sourceEventType, "sourceEventType");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(createdAt, "createdAt");
        if ((acknowledgedAt == null) != (acknowledgedBy == null)) {
            throw new IllegalArgumentException("an acknowledgement needs both its time and its author");
        }
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
        return new InboxMessage(idFor(delivery.sourceEventId(), delivery.unitId()), delivery.unitId(),
                delivery.sourceEventId(), delivery.sourceEventType(), delivery.caseId(), delivery.assignmentId(),
                delivery.title(), delivery.body(), at, null, null, 0L);
    }

    public boolean isAcknowledged() {
        return acknowledgedAt != null;
    }

    /**
     * The unit acknowledges the message: it is read from now on, and the acknowledgement is recorded
     * as an event — the proof of receipt.
     *
     * @throws StateConflict if it was acknowledged before (the first acknowledgement is the proof)
     */
    public Acknowledgement acknowledge(Actor by, Instant at) {
        if (isAcknowledged()) {
            throw new StateConflict("inbox message", id, "ACKNOWLEDGED", "acknowledge it again");
        }
        InboxMessage acknowledged = new InboxMessage(id, unitId, sourceEventId, sourceEventType, caseId, assignmentId,
                title, body, createdAt, at, by.subject(), version + 1);
        NotificationAcknowledged event = new NotificationAcknowledged(id, unitId, caseId, sourceEventId,
                sourceEventType, createdAt, at, by);
        return new Acknowledgement(acknowledged, version, event);
    }
}
