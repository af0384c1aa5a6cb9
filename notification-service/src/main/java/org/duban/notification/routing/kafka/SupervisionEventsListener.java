package org.duban.notification.routing.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.duban.contracts.events.Topics;
import org.duban.notification.routing.RoutingService;
import org.duban.platform.inbox.ProcessedEvents;
import org.duban.platform.kafka.CloudEventRecords;
import org.duban.platform.kafka.IncomingEvent;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Reads supervision's events (reminders, orders, recommendations, measures) and routes each one once. */
@Component
class SupervisionEventsListener {

    private final ProcessedEvents processed;
    private final RoutingService routing;

    SupervisionEventsListener(ProcessedEvents processed, RoutingService routing) {
        this.processed = processed;
        this.routing = routing;
    }

    @KafkaListener(topics = Topics.SUPERVISION, id = "notification-service-supervision", idIsGroup = false)
    void on(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = CloudEventRecords.read(record);
        processed.handleOnce(IntakeEventsListener.CONSUMER, event,
                () -> event.known().ifPresent(payload -> routing.route(event.id(), payload)));
    }
}
