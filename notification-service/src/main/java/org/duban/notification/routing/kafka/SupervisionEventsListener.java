package org.duban.notification.routing.kafka;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.duban.contracts.events.Topics;
import org.duban.notification.routing.BatchRouting;
import org.duban.platform.kafka.EventBatches;
import org.duban.platform.kafka.KafkaConfiguration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Reads supervision's events (reminders, orders, recommendations, measures) a poll at a time and routes each once. */
@Component
class SupervisionEventsListener {

    private final EventBatches batches;
    private final BatchRouting routing;

    SupervisionEventsListener(EventBatches batches, BatchRouting routing) {
        this.batches = batches;
        this.routing = routing;
    }

    @KafkaListener(topics = Topics.SUPERVISION, id = "notification-service-supervision", idIsGroup = false,
            containerFactory = KafkaConfiguration.BATCH_FACTORY)
    void on(List<ConsumerRecord<String, byte[]>> records) {
        batches.handleOnce(IntakeEventsListener.CONSUMER, records, events -> routing.routeAll(events.stream()
                .map(event -> new BatchRouting.EventToRoute(event.id(), event.known().orElse(null), event.traceparent()))
                .toList()));
    }
}
