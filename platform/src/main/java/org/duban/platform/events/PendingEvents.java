package org.duban.platform.events;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import org.duban.contracts.events.DubanEvent;
import org.duban.contracts.events.EventCatalog;
import org.duban.contracts.events.EventType;
import org.duban.platform.domain.Ids;

/**
 * Turns the events an aggregate recorded into outbox entries: id, type, topic, key, time, payload, and
 * the trace context of the request or event being handled (docs/adr/0007-deploy.md).
 */
public final class PendingEvents {

    private final Clock clock;
    private final Supplier<String> traceparent;

    /** Outbox entries that carry no trace context. */
    public PendingEvents(Clock clock) {
        this(clock, () -> null);
    }

    /** Outbox entries that carry the trace context {@code traceparent} supplies at the time they are made. */
    public PendingEvents(Clock clock, Supplier<String> traceparent) {
        this.clock = clock;
        this.traceparent = traceparent;
    }

    public PendingEvent of(String subject, DubanEvent event) {
        EventType type = EventCatalog.of(event);
        Instant now = clock.instant();
        return new PendingEvent(Ids.timeOrdered(now), type.name(), type.topic(), event.partitionKey(), subject, now,
                EventJson.write(event), traceparent.get());
    }

    public List<PendingEvent> of(String subject, List<? extends DubanEvent> events) {
        return events.stream().map(event -> of(subject, event)).toList();
    }
}
