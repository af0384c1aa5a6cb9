package org.duban.supervision.deadline.kafka;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.duban.contracts.events.DubanEvent;
import org.duban.contracts.events.Topics;
import org.duban.platform.domain.EventNotHandled;
import org.duban.platform.kafka.EventBatches;
import org.duban.platform.kafka.IncomingEvent;
import org.duban.platform.kafka.KafkaConfiguration;
import org.duban.platform.kafka.PoisonEvent;
import org.duban.supervision.deadline.DeadlineTrackingService;
import org.duban.supervision.deadline.IssueNotSeen;
import org.duban.supervision.deadline.MalformedEvent;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds intake's events to deadline tracking a poll at a time, once per event id ({@link EventBatches}). Group
 * {@code supervision-service} (the consumer group id of the platform defaults, not the listener id). A record that
 * is no usable event, or that moves the deadline of an assignment whose issue has not been seen, goes to
 * {@code duban.supervision-service.dlt} without retries (the events before it in the poll are stored and
 * committed); any other failure is retried with back-off first.
 */
@Component
class IntakeEventsListener {

    static final String CONSUMER = "deadline-tracking";

    private final EventBatches batches;
    private final DeadlineTrackingService tracking;

    IntakeEventsListener(EventBatches batches, DeadlineTrackingService tracking) {
        this.batches = batches;
        this.tracking = tracking;
    }

    @KafkaListener(topics = Topics.INTAKE, id = "supervision-intake", idIsGroup = false,
            containerFactory = KafkaConfiguration.BATCH_FACTORY)
    void on(List<ConsumerRecord<String, byte[]>> records) {
        batches.handleOnce(CONSUMER, records, events -> {
            List<DubanEvent> known = events.stream().map(event -> event.known().orElse(null)).toList();
            try {
                tracking.applyAll(known);
            } catch (EventNotHandled e) {
                throw poisonIfUnusable(e, events.get(e.index()));
            }
        });
    }

    private static EventNotHandled poisonIfUnusable(EventNotHandled failure, IncomingEvent event) {
        if (failure.getCause() instanceof MalformedEvent || failure.getCause() instanceof IssueNotSeen) {
            return new EventNotHandled(failure.index(), new PoisonEvent(
                    "event " + event.id() + " at " + event.position() + ": " + failure.getCause().getMessage(),
                    failure.getCause()));
        }
        return failure;
    }
}
