package org.duban.supervision.order;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.duban.platform.domain.Page;
import org.duban.platform.domain.PageRequest;
import org.duban.platform.events.PendingEvent;
import org.duban.platform.events.PendingEvents;
import org.duban.supervision.reminder.AlertPolicy;

/** Supervision orders in a map, versioned like the store; the events each write carried in {@link #events}. */
public final class InMemorySupervisionOrders implements SupervisionOrders {

    private final Map<String, SupervisionOrder> stored = new LinkedHashMap<>();
    private final AlertPolicy policy;
    private final PendingEvents pending = new PendingEvents(Clock.systemUTC());
    /** The outbox entries of every stored write, as the Mongo store would write them. */
    public final List<PendingEvent> events = new ArrayList<>();

    public InMemorySupervisionOrders(AlertPolicy policy) {
        this.policy = policy;
    }

    @Override
    public synchronized Optional<SupervisionOrder> find(String id) {
        return Optional.ofNullable(stored.get(id)).map(order -> withVersion(order, order.version()));
    }

    @Override
    public synchronized boolean insert(SupervisionOrder order) {
        if (stored.containsKey(order.id())) {
            return false;
        }
        stored.put(order.id(), withVersion(order, 0));
        events.addAll(pending.of(order.id(), order.recordedEvents()));
        return true;
    }

    @Override
    public synchronized boolean update(SupervisionOrder order) {
        SupervisionOrder current = stored.get(order.id());
        if (current == null || current.version() != order.version()) {
            return false;
        }
        stored.put(order.id(), withVersion(order, order.version() + 1));
        events.addAll(pending.of(order.id(), order.recordedEvents()));
        return true;
    }

    @Override
    public synchronized Page<SupervisionOrder> list(String unitId, boolean forUnit, OrderStatus status,
            String assignmentId, PageRequest page) {
        List<SupervisionOrder> matching = stored.values().stream()
                .filter(o -> !forUnit || o.visibleToUnit())
                .filter(o -> unitId == null || unitId.equals(o.unitId()))
                .filter(o -> status == null || status == o.status())
                .filter(o -> assignmentId == null || assignmentId.equals(o.assignmentId()))
                .sorted(Comparator.comparing((SupervisionOrder o) -> o.snapshot().origin().createdAt()).reversed()
                        .thenComparing(SupervisionOrder::id))
                .toList();
        return new Page<>(matching.stream().skip(page.offset()).limit(page.size()).toList(), page, matching.size());
    }

    @Override
    public synchronized List<SupervisionOrder> ofUnit(String unitId) {
        return stored.values().stream().filter(o -> unitId.equals(o.unitId())).toList();
    }

    @Override
    public synchronized List<String> dueForReminder(Instant now, int limit) {
        List<SupervisionOrder> due = new ArrayList<>();
        for (SupervisionOrder order : stored.values()) {
            Instant next = policy.nextCheckAt(order.applicableDeadline().orElse(null), order.reminded());
            if (next != null && !next.isAfter(now)) {
                due.add(order);
            }
        }
        return due.stream().limit(limit).map(SupervisionOrder::id).toList();
    }

    public synchronized List<SupervisionOrder> all() {
        return List.copyOf(stored.values());
    }

    public synchronized List<PendingEvent> eventsOfType(String type) {
        return events.stream().filter(event -> event.type().equals(type)).toList();
    }

    /** A copy at {@code version} with nothing recorded: what the store would read back. */
    private static SupervisionOrder withVersion(SupervisionOrder order, long version) {
        SupervisionOrderSnapshot s = order.snapshot();
        return SupervisionOrder.restore(new SupervisionOrderSnapshot(s.id(), s.assignment(), s.origin(), s.status(),
                s.terms(), s.response(), s.reopenCount(), s.closing(), s.reminded(), version));
    }
}
