package org.duban.notification.routing.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.duban.contracts.events.Topics;
import org.duban.notification.routing.RoutingService;
import org.duban.platform.inbox.ProcessedEvents;
import org.duban.platform.kafka.CloudEventRecords;
import org.duban.platform.kafka.IncomingEvent;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads intake's events and hands each one, once, to routing. Events routing has no rule for are
 * recorded as processed all the same; malformed ones go to the dead-letter topic.
 */
@Component
class IntakeEventsListener {

    static final String CONSUMER = "routing";

    private final ProcessedEvents processed;
    private final RoutingService routing;

    IntakeEventsListener(ProcessedEvents processed, RoutingService routing) {
        this.processed = processed;
        this.routing = routing;
    }

    @KafkaListener(topics = Topics.INTAKE, id = "notification-service-intake", idIsGroup = false)
    void on(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = CloudEventRecords.read(record);
        processed.handleOnce(CONSUMER, event, () -> event.known().ifPresent(payload -> routing.route(event.id(), payload)));
    }
}
