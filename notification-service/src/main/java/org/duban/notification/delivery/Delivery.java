package org.duban.notification.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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
 * (and on a redelivery), so the receiver can drop duplicates.
 *
 * @param endpointId    the webhook endpoint (WEBHOOK), else null
 * @param recipients    the e-mail addresses (EMAIL), else empty
 * @param subject       the message title (the e-mail's subject)
 * @param payload       exactly what is sent: the webhook's JSON body, or the e-mail's text
 * @param roundAttempts attempts made since the schedule last started (creation or redelivery)
 * @param nextAttemptAt when a PENDING delivery is due; null otherwise
 * @param expiresAt     when a FAILED delivery is deleted; null otherwise
 * @param traceparent   the W3C trace context of the work that created it (the consumed event's trace), so
 *                      that every attempt, however much later, continues that trace; null when none
 */
public record Delivery(
        String id,
        Channel channel,
        String unitId,
        String endpointId,
        List<String> recipients,
        String messageId,
        String sourceEventId,
        String sourceEventType,
        String caseId,
        String subject,
        String payload,
        DeliveryStatus status,
        List<Attempt> attempts,
        int roundAttempts,
        Instant nextAttemptAt,
        Instant createdAt,
        Instant completedAt,
        Instant expiresAt,
        String traceparent,
        long version) {

    static final Actor NOTIFIER = Actor.system("notification-service");

    public Delivery {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(unitId, "unitId");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        recipients = List.copyOf(recipients);
        attempts = List.copyOf(attempts);
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
        return new Delivery(idFor(message.id(), endpointId), Channel.WEBHOOK, message.unitId(), endpointId, List.of(),
                message.id(), message.sourceEventId(), message.sourceEventType(), message.caseId(), message.title(),
                payload, DeliveryStatus.PENDING, List.of(), 0, firstAttemptAt, now, null, null, null, 0L);
    }

    public static Delivery email(InboxMessage message, List<String> recipients, Instant now, Instant firstAttemptAt) {
        return new Delivery(idFor(message.id(), "email"), Channel.EMAIL, message.unitId(), null, recipients,
                message.id(), message.sourceEventId(), message.sourceEventType(), message.caseId(), message.title(),
                message.body(), DeliveryStatus.PENDING, List.of(), 0, firstAttemptAt, now, null, null, null, 0L);
    }

    /**
     * An e-mail whose recipients are not known yet (the unit's {@code UnitRegistered} has not arrived):
     * it waits until {@code until}, unless the contacts come first ({@link Deliveries#contactsArrived}).
     */
    public static Delivery emailAwaitingContacts(InboxMessage message, Instant now, Instant until) {
        return email(message, List.of(), now, until);
    }

    /** The same e-mail, to {@code addresses}. */
    public Delivery addressedTo(List<String> addresses) {
        return new Delivery(id, channel, unitId, endpointId, addresses, messageId, sourceEventId, sourceEventType,
                caseId, subject, payload, status, attempts, roundAttempts, nextAttemptAt, createdAt, completedAt,
                expiresAt, traceparent, version);
    }

    /** An e-mail that still has nobody to go to. */
    public boolean awaitsContacts() {
        return channel == Channel.EMAIL && recipients.isEmpty();
    }

    /**
     * Records what an attempt came to: delivered (an event says so), failed for good when the schedule
     * ran out or the target is gone (an event says so; kept {@code retention} for redelivery), or
     * pending until the schedule's next time.
     */
    public Recorded record(AttemptOutcome outcome, Instant now, RetrySchedule schedule, Duration retention) {
        requirePending("record an attempt");
        if (!outcome.attempted()) {
            return new Recorded(with(DeliveryStatus.PENDING, attempts, roundAttempts, now.plus(outcome.retryAfter()),
                    null, null), List.of());
        }
        List<Attempt> all = new ArrayList<>(attempts);
        all.add(new Attempt(attempts.size() + 1, now, outcome.status(), outcome.latencyMillis(), outcome.error()));
        int round = roundAttempts + 1;
        if (outcome.succeeded()) {
            Delivery delivered = with(DeliveryStatus.DELIVERED, all, round, null, now, null);
            return new Recorded(delivered, List.of(new NotificationDelivered(id, channel.name(), unitId, caseId,
                    sourceEventId, sourceEventType, all.size(), now, NOTIFIER)));
        }
        Optional<Instant> next = outcome.permanent() ? Optional.empty()
                : schedule.next(round, now, outcome.retryAfter());
        if (next.isPresent()) {
            return new Recorded(with(DeliveryStatus.PENDING, all, round, next.get(), null, null), List.of());
        }
        Delivery failed = with(DeliveryStatus.FAILED, all, round, null, now, now.plus(retention));
        return new Recorded(failed, List.of(new NotificationDeliveryFailed(id, channel.name(), unitId, caseId,
                sourceEventId, sourceEventType, all.size(), outcome.status(), now, NOTIFIER)));
    }

    /**
     * Sends it again from the start of the schedule, same id: a delivery that failed for good, or one
     * the receiver says it lost.
     *
     * @throws StateConflict while it is still pending
     */
    public Delivery redeliver(Instant now, RetrySchedule schedule) {
        requireNot(DeliveryStatus.PENDING, "redeliver it");
        return with(DeliveryStatus.PENDING, attempts, 0, schedule.first(now), null, null);
    }

    private void requirePending(String action) {
        if (status != DeliveryStatus.PENDING) {
            throw new StateConflict("delivery", id, status.name(), action);
        }
    }

    private void requireNot(DeliveryStatus forbidden, String action) {
        if (status == forbidden) {
            throw new StateConflict("delivery", id, status.name(), action);
        }
    }

    private Delivery with(DeliveryStatus newStatus, List<Attempt> newAttempts, int round, Instant next,
            Instant completed, Instant expires) {
        return new Delivery(id, channel, unitId, endpointId, recipients, messageId, sourceEventId, sourceEventType,
                caseId, subject, payload, newStatus, newAttempts, round, next, createdAt, completed, expires, traceparent,
                version);
    }

    /** The same delivery, carrying the trace context {@code traceparent} (null: none). */
    public Delivery tracedBy(String traceparent) {
        return new Delivery(id, channel, unitId, endpointId, recipients, messageId, sourceEventId, sourceEventType,
                caseId, subject, payload, status, attempts, roundAttempts, nextAttemptAt, createdAt, completedAt,
                expiresAt, traceparent, version);
    }

    /** The delivery after an attempt and the events that record it (none while it stays pending). */
    public record Recorded(Delivery delivery, List<DubanEvent> events) {

        public Recorded {
            Objects.requireNonNull(delivery, "delivery");
            events = List.copyOf(events);
        }
    }
}
