package org.duban.notification.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.duban.contracts.events.Actor;
import org.duban.contracts.events.DubanEvent;
import org.duban.contracts.events.NotificationDelivered;
import org.duban.contracts.events.NotificationDeliveryFailed;
import org.duban.notification.inbox.InboxMessage;
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
public final class Delivery {

    static final Actor NOTIFIER = Actor.system("notification-service");

    private final String id;
    private DeliveryTarget target;
    private final DeliveryContent content;
    private DeliveryStatus status;
    private DeliveryProgress progress;
    private final Instant createdAt;
    private final String traceparent;
    private final long version;
    private final List<DubanEvent> recorded = new ArrayList<>();

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
            recorded.add(new NotificationDelivered(id, channel().name(), unitId(), caseId(), sourceEventId(),
                    sourceEventType(), attempt.number(), now, NOTIFIER));
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
        recorded.add(new NotificationDeliveryFailed(id, channel().name(), unitId(), caseId(), sourceEventId(),
                sourceEventType(), attempt.number(), outcome.status(), now, NOTIFIER));
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

    /** The events recorded since it was created or read, not yet stored. */
    public List<DubanEvent> recordedEvents() {
        return List.copyOf(recorded);
    }

    /** The stored version it was read at (0 for a new one). */
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

    /** The webhook endpoint (WEBHOOK), else null. */
    public String endpointId() {
        return target.endpointId();
    }

    /** The e-mail addresses (EMAIL), else empty. */
    public List<String> recipients() {
        return target.recipients();
    }

    public String messageId() {
        return content.messageId();
    }

    public String sourceEventId() {
        return content.sourceEventId();
    }

    public String sourceEventType() {
        return content.sourceEventType();
    }

    public String caseId() {
        return content.caseId();
    }

    /** The message title (the e-mail's subject). */
    public String subject() {
        return content.subject();
    }

    /** Exactly what is sent: the webhook's JSON body, or the e-mail's text. */
    public String payload() {
        return content.payload();
    }

    public List<Attempt> attempts() {
        return progress.attempts();
    }

    /** Attempts made since the schedule last started (creation or redelivery). */
    public int roundAttempts() {
        return progress.roundAttempts();
    }

    /** When a PENDING delivery is due; null otherwise. */
    public Instant nextAttemptAt() {
        return progress.nextAttemptAt();
    }

    public Instant completedAt() {
        return progress.completedAt();
    }

    /** When a FAILED delivery is deleted; null otherwise. */
    public Instant expiresAt() {
        return progress.expiresAt();
    }
}
