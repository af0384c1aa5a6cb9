package org.duban.notification.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.duban.contracts.events.DubanEvent;
import org.duban.platform.domain.Page;
import org.duban.platform.domain.PageRequest;

/** Deliveries in a map, with leases, for plain tests of the scheduler and the dispatcher. */
public final class InMemoryDeliveries implements Deliveries {

    private final Map<String, DeliverySnapshot> deliveries = new LinkedHashMap<>();
    private final Map<String, Instant> leases = new LinkedHashMap<>();
    private final Map<String, String> tokens = new LinkedHashMap<>();
    private final List<DubanEvent> events = new ArrayList<>();

    @Override
    public synchronized boolean addIfAbsent(Delivery delivery) {
        return deliveries.putIfAbsent(delivery.id(), delivery.snapshot()) == null;
    }

    @Override
    public synchronized Optional<Delivery> byId(String id) {
        return Optional.ofNullable(deliveries.get(id)).map(Delivery::restore);
    }

    @Override
    public synchronized Optional<Delivery> claimDue(Instant now, Duration lease, String token) {
        Optional<Delivery> due = all()
                .filter(d -> d.status() == DeliveryStatus.PENDING && !d.nextAttemptAt().isAfter(now) && free(d, now))
                .min(Comparator.comparing(Delivery::nextAttemptAt));
        due.ifPresent(d -> {
            leases.put(d.id(), now.plus(lease));
            tokens.put(d.id(), token);
        });
        return due;
    }

    @Override
    public synchronized boolean addHeld(Delivery delivery, Instant leaseUntil, String token) {
        if (deliveries.putIfAbsent(delivery.id(), delivery.snapshot()) != null) {
            return false;
        }
        leases.put(delivery.id(), leaseUntil);
        tokens.put(delivery.id(), token);
        return true;
    }

    @Override
    public synchronized boolean storeAttempt(Delivery delivery, String token) {
        if (!token.equals(tokens.get(delivery.id()))) {
            return false;
        }
        deliveries.put(delivery.id(), delivery.snapshot());
        leases.remove(delivery.id());
        tokens.remove(delivery.id());
        events.addAll(delivery.recordedEvents());
        return true;
    }

    @Override
    public synchronized boolean storeRedelivery(Delivery delivery, Instant now) {
        deliveries.put(delivery.id(), delivery.snapshot());
        return true;
    }

    @Override
    public synchronized Page<Delivery> list(String unitId, DeliveryStatus status, PageRequest page) {
        List<Delivery> all = all()
                .filter(d -> unitId == null || d.unitId().equals(unitId))
                .filter(d -> status == null || d.status() == status).toList();
        return new Page<>(all, page, all.size());
    }

    @Override
    public synchronized int contactsArrived(String unitId, List<String> recipients, Instant now) {
        List<Delivery> waiting = all().filter(d -> d.unitId().equals(unitId))
                .filter(d -> d.status() == DeliveryStatus.PENDING && d.awaitsContacts() && free(d, now)).toList();
        for (Delivery d : waiting) {
            DeliverySnapshot s = d.snapshot();
            // pending, so neither completed nor expiring: due now
            deliveries.put(d.id(), new DeliverySnapshot(s.id(),
                    recipients.isEmpty() ? s.target() : s.target().addressedTo(recipients), s.content(), s.status(),
                    s.progress().dueAt(now), s.createdAt(), s.traceparent(), s.version() + 1));
        }
        return waiting.size();
    }

    @Override
    public synchronized Optional<Instant> nextDue(Instant now) {
        return all().filter(d -> d.status() == DeliveryStatus.PENDING && free(d, now))
                .map(Delivery::nextAttemptAt).min(Comparator.naturalOrder());
    }

    /** The events stored with attempts, in order. */
    public synchronized List<DubanEvent> events() {
        return List.copyOf(events);
    }

    private Stream<Delivery> all() {
        return deliveries.values().stream().map(Delivery::restore);
    }

    private boolean free(Delivery delivery, Instant now) {
        Instant lease = leases.get(delivery.id());
        return lease == null || lease.isBefore(now);
    }
}
