package org.duban.notification.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A delivery's attempts and where its schedule stands.
 *
 * @param attempts      every attempt made, first first
 * @param roundAttempts attempts made since the schedule last started (creation or redelivery)
 * @param nextAttemptAt when a PENDING delivery is due; null otherwise
 * @param completedAt   when it was delivered or failed for good; null while PENDING
 * @param expiresAt     when a FAILED delivery is deleted; null otherwise
 */
public record DeliveryProgress(List<Attempt> attempts, int roundAttempts, Instant nextAttemptAt, Instant completedAt,
        Instant expiresAt) {

    public DeliveryProgress {
        attempts = List.copyOf(attempts);
    }

    /** No attempt yet, the first due {@code at}. */
    static DeliveryProgress firstDue(Instant at) {
        return new DeliveryProgress(List.of(), 0, at, null, null);
    }

    /** The same attempts, the next one due {@code at} (not attempted: no attempt counted). */
    DeliveryProgress dueAt(Instant at) {
        return new DeliveryProgress(attempts, roundAttempts, at, null, null);
    }

    /** The schedule starts again, the first attempt due {@code at}; the attempts made are kept. */
    DeliveryProgress restartedAt(Instant at) {
        return new DeliveryProgress(attempts, 0, at, null, null);
    }

    /** With {@code attempt} counted, the next one due {@code next}. */
    DeliveryProgress attempted(Attempt attempt, Instant next) {
        return new DeliveryProgress(with(attempt), roundAttempts + 1, next, null, null);
    }

    /** With {@code attempt} counted, which ended the delivery {@code at}; kept until {@code expires} (null: ever). */
    DeliveryProgress ended(Attempt attempt, Instant at, Instant expires) {
        return new DeliveryProgress(with(attempt), roundAttempts + 1, null, at, expires);
    }

    private List<Attempt> with(Attempt attempt) {
        List<Attempt> all = new ArrayList<>(attempts);
        all.add(attempt);
        return all;
    }
}
