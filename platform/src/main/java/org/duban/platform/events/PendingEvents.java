package org.duban.platform.events;

import java.time.Clock;
import java.util.List;

import org.duban.contracts.events.DubanEvent;
import org.duban.contracts.events.EventCatalog;
import org.duban.contracts.events.EventType;
import org.duban.platform.domain.Ids;

/** Turns the events an aggregate recorded into outbox entries: id, type, topic, key, time, payload. */
public final class PendingEvents {

    private final Clock clock;

    public PendingEvents(Clock clock) {
        this.clock = clock;
    }

    public PendingEvent of(String subject, DubanEvent event) {
        EventType type = EventCatalog.of(event);
        return new PendingEvent(Ids.newId(), type.name(), type.topic(), event.partitionKey(), subject,
                clock.instant(), EventJson.write(event));
    }

    public List<PendingEvent> of(String subject, List<? extends DubanEvent> events) {
        return events.stream().map(event -> of(subject, event)).toList();
    }
}
