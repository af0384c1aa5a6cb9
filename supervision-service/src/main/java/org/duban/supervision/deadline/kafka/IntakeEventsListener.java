package org.duban.supervision.deadline.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.duban.contracts.events.Topics;
import org.duban.platform.inbox.ProcessedEvents;
import org.duban.platform.kafka.CloudEventRecords;
import org.duban.platform.kafka.IncomingEvent;
import org.duban.platform.kafka.PoisonEvent;
import org.duban.supervision.deadline.DeadlineTrackingService;
import org.duban.supervision.deadline.IssueNotSeen;
import org.duban.supervision.deadline.MalformedEvent;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds intake's events to deadline tracking, once per event id. Group {@code supervision-service}
 * (the consumer group id of the platform defaults, not the listener id). A record that is no usable
 * event, or that moves the deadline of an assignment whose issue has not been seen, goes to
 * {@code duban.supervision-service.dlt} without retries; any other failure is retried with back-off
 * first.
 */
@Component
class IntakeEventsListener {

    static final String CONSUMER = "deadline-tracking";

    private final ProcessedEvents processed;
    private final DeadlineTrackingService tracking;

    IntakeEventsListener(ProcessedEvents processed, DeadlineTrackingService tracking) {
        this.processed = processed;
        this.tracking = tracking;
    }

    @KafkaListener(topics = Topics.INTAKE, id = "supervision-intake", idIsGroup = false)
    void on(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = CloudEventRecords.read(record);
        try {
            processed.handleOnce(CONSUMER, event, () -> event.known().ifPresent(tracking::apply));
        } catch (MalformedEvent | IssueNotSeen e) {
            throw new PoisonEvent("event " + event.id() + " at " + event.position() + ": " + e.getMessage(), e);
        }
    }
}
