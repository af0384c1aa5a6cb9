package org.duban.platform.outbox;

import java.util.concurrent.CompletableFuture;

import org.duban.platform.events.PendingEvent;

/** Publishes events to the broker; an event counts as published once the broker has acknowledged it (acks=all). */
public interface EventPublisher {

    /** Publishes one event and returns only when the broker has acknowledged it. */
    void publish(PendingEvent event) throws Exception;

    /**
     * Starts publishing one event without waiting for the broker: the future completes when the broker has
     * acknowledged the event and fails if it refused it or did not answer in time. The relay sends the events of
     * many documents this way and then waits for all their acknowledgements at once. This default publishes the
     * event before it returns.
     */
    default CompletableFuture<?> send(PendingEvent event) {
        try {
            publish(event);
            return CompletableFuture.completedFuture(null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.failedFuture(e);
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
