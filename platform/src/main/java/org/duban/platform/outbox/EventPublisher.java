package org.duban.platform.outbox;

import org.duban.platform.events.PendingEvent;

/** Publishes one event and returns only when the broker has acknowledged it (acks=all). */
public interface EventPublisher {

    void publish(PendingEvent event) throws Exception;
}
