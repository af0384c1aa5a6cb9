package org.duban.notification.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.duban.platform.domain.Page;
import org.duban.platform.domain.PageRequest;

/** The stored deliveries: the dispatcher's work list, and the record of every attempt. */
public interface Deliveries {

    /** Stores a new delivery unless one with its id exists; returns whether it was stored. */
    boolean addIfAbsent(Delivery delivery);

    Optional<Delivery> byId(String id);

    /**
     * Claims the PENDING delivery due earliest (at or before {@code now}) that nobody holds: one
     * conditional update sets a lease {@code token} until {@code now + lease}, so two dispatchers (or
     * one restarted) never hold the same delivery at once.
     */
    Optional<Delivery> claimDue(Instant now, Duration lease, String token);

    /**
     * Stores a new delivery unless one with its id exists, held from the start as {@link #claimDue} would
     * hold it — lease {@code token} until {@code leaseUntil} — by the dispatcher worker that makes its
     * first attempt: no other dispatcher takes it meanwhile, and no claim has to be made.
     *
     * @return whether it was stored
     */
    boolean addHeld(Delivery delivery, Instant leaseUntil, String token);

    /**
     * Stores the delivery after an attempt, with the events it recorded, and releases the lease — only if
     * the lease is still {@code token}'s.
     *
     * @return false when the lease was lost (expired and taken by another dispatcher)
     */
    boolean storeAttempt(Delivery delivery, String token);

    /** Stores a redelivery if the delivery is still at its read version and not held by a dispatcher. */
    boolean storeRedelivery(Delivery delivery, Instant now);

    /** Newest first; {@code unitId} and {@code status} filter when not null. */
    Page<Delivery> list(String unitId, DeliveryStatus status, PageRequest page);

    /**
     * A unit's contacts arrived: its PENDING e-mails that wait for them (no recipients, not held by a
     * dispatcher) get {@code recipients} (when there are any) and are due {@code now}.
     *
     * @return how many e-mails were waiting
     */
    int contactsArrived(String unitId, List<String> recipients, Instant now);

    /** When the next PENDING delivery is due, if any: lets the dispatcher sleep until then. */
    Optional<Instant> nextDue(Instant now);
}
