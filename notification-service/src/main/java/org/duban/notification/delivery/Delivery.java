package org.duban.notification.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.duban.contracts.events.Actor;
import org.duban.contracts.events.DubanEvent;
import org.duban.contracts.events.NotificationDelivered;
import org.duban.contracts.events.NotificationDeliveryFailed;
import org.duban.notification.inbox.InboxMessage;
import org.duban.platform.domain.AggregateRoot;
import org.duban.platform.domain.StateConflict;

/**
 * One message on its way to one webhook endpoint, or to a unit's contacts by e-mail, with every
 * attempt made. For a webhook the id is also the {@code webhook-id} header, the same on every attempt
 * (and on a redelivery), so the receiver can drop duplicates. Delivered, or failed for good, it records
 * the event that says so; the store keeps both in one write.
 *
 * <p>One instance is changed by one thread at a time: the dispatcher worker holding its lease, or the
 * redelivery that read it.
 */
public final class Delivery extends AggregateRoot<DubanEvent> {

    static final Actor NOTIFIER = Actor.system("notification-service");

    private final String id;
    private DeliveryTarget target;
    private final DeliveryContent content;
    private DeliveryStatus status;
    private DeliveryProgress progress;
    private final Instant createdAt;
    private final String traceparent;
    private final long version;

    private Delivery(DeliverySnapshot stored) {
        this.id = stored.id();
        this.target = stored.target();
        this.content = stored.content();
        this.status = stored.status();
        this.progress = stored.progress();
        this.createdAt = stored.createdAt();
        this.traceparent = stored.traceparent();
        this.version = stored.version();
    }

    /**
     * The id of the delivery of {@code messageId} to {@code target} (endpoint id, or "email"): the same
     * inputs give the same id, so scheduling a message twice stores one delivery.
     */
    public static String idFor(String messageId, String target) {
        return "msg_" + UUID.nameUUIDFromBytes(("duban-delivery:" + messageId + ":" + target)
                .getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
    }

    public static Delivery webhook(InboxMessage message, String endpointId, String payload, Instant now,
            Instant firstAttemptAt) {
        return fresh(idFor(message.id(), endpointId), DeliveryTarget.webhook(message.unitId(), endpointId),
                DeliveryContent.of(message, payload), now, firstAttemptAt);
    }

    public static Delivery email(InboxMessage message, List<String> recipients, Instant now, Instant firstAttemptAt) {
        return fresh(idFor(message.id(), "email"), DeliveryTarget.email(message.unitId(), recipients),
                DeliveryContent.of(message, message.body()), now, firstAttemptAt);
    }

    /**
     * An e-mail whose recipients are not known yet (the unit's {@code UnitRegistered} has not arrived):
     * it waits until {@code until}, unless the contacts come first ({@link Deliveries#contactsArrived}).
     */
    public static Delivery emailAwaitingContacts(InboxMessage message, Instant now, Instant until) {
        return email(message, List.of(), now, until);
    }

    private static Delivery fresh(String id, DeliveryTarget target, DeliveryContent content, Instant now,
            Instant firstAttemptAt) {
        return new Delivery(new DeliverySnapshot(id, target, content, DeliveryStatus.PENDING,
                DeliveryProgress.firstDue(firstAttemptAt), now, null, 0L));
    }

    /** Rebuilds a stored delivery. */
    public static Delivery restore(DeliverySnapshot stored) {
        return new Delivery(stored);
    }

    public DeliverySnapshot snapshot() {
        return new DeliverySnapshot(id, target, content, status, progress, createdAt, traceparent, version);
    }

    /** The same new delivery, carrying the trace context {@code traceparent} (null: none). */
    public Delivery tracedBy(String traceparent) {
        return new Delivery(new DeliverySnapshot(id, target, content, status, progress, createdAt, traceparent,
                version));
    }

    /** The e-mail goes to {@code addresses}. */
    public void addressTo(List<String> addresses) {
        target = target.addressedTo(addresses);
    }

    /** An e-mail that still has nobody to go to. */
    public boolean awaitsContacts() {
        return target.channel() == Channel.EMAIL && target.recipients().isEmpty();
    }

    /**
     * Records what an attempt came to: delivered (an event says so), failed for good when the schedule
     * ran out or the target is gone (an event says so; kept {@code retention} for redelivery), or
     * pending until the schedule's next time.
     *
     * @throws StateConflict unless it is pending
     */
    public void record(AttemptOutcome outcome, Instant now, RetrySchedule schedule, Duration retention) {
        requirePending("record an attempt");
        if (!outcome.attempted()) {
            progress = progress.dueAt(now.plus(outcome.retryAfter()));
            return;
        }
        Attempt attempt = new Attempt(progress.attempts().size() + 1, now, outcome.status(), outcome.latencyMillis(),
                outcome.error());
        if (outcome.succeeded()) {
            status = DeliveryStatus.DELIVERED;
            progress = progress.ended(attempt, now, null);
            record(new NotificationDelivered(id, channel().name(), unitId(), content.caseId(), content.sourceEventId(),
                    content.sourceEventType(), attempt.number(), now, NOTIFIER));
            return;
        }
        Optional<Instant> next = outcome.permanent() ? Optional.empty()
                : schedule.next(progress.roundAttempts() + 1, now, outcome.retryAfter());
        if (next.isPresent()) {
            progress = progress.attempted(attempt, next.get());
            return;
        }
        status = DeliveryStatus.FAILED;
        progress = progress.ended(attempt, now, now.plus(retention));
        record(new NotificationDeliveryFailed(id, channel().name(), unitId(), content.caseId(), content.sourceEventId(),
                content.sourceEventType(), attempt.number(), outcome.status(), now, NOTIFIER));
    }

    /**
     * Sends it again from the start of the schedule, same id: a delivery that failed for good, or one
     * the receiver says it lost.
     *
     * @throws StateConflict while it is still pending
     */
    public void redeliver(Instant now, RetrySchedule schedule) {
        if (status == DeliveryStatus.PENDING) {
            throw new StateConflict("delivery", id, status.name(), "redeliver it");
        }
        status = DeliveryStatus.PENDING;
        progress = progress.restartedAt(schedule.first(now));
    }

    private void requirePending(String action) {
        if (status != DeliveryStatus.PENDING) {
            throw new StateConflict("delivery", id, status.name(), action);
        }
    }

    /** The stored version it was read at (0 for a new one). */
    @Override
    public long version() {
        return version;
    }

    public String id() {
        return id;
    }

    public DeliveryStatus status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String traceparent() {
        return traceparent;
    }

    public Channel channel() {
        return target.channel();
    }

    public String unitId() {
        return target.unitId();
    }

    /** When a PENDING delivery is due; null otherwise. */
    public Instant nextAttemptAt() {
        return progress.nextAttemptAt();
    }

    /** Where it goes: the channel, the unit, the webhook endpoint or the e-mail addresses. */
    public DeliveryTarget target() {
        return target;
    }

    /** What it carries: the message, its event and exactly what is sent. */
    public DeliveryContent content() {
        return content;
    }

    /** Its attempts and where its schedule stands. */
    public DeliveryProgress progress() {
        return progress;
    }
}
