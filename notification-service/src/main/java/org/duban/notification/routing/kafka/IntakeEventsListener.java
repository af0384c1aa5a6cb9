package org.duban.notification.routing.kafka;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.duban.contracts.events.Topics;
import org.duban.notification.routing.BatchRouting;
import org.duban.platform.kafka.EventBatches;
import org.duban.platform.kafka.KafkaConfiguration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads intake's events a poll at a time and hands each one, once ({@link EventBatches}), to routing (a registered
 * unit also updates the local copy of units and contacts). Events routing has no rule for are recorded as processed
 * all the same; malformed ones go to the dead-letter topic.
 */
@Component
class IntakeEventsListener {

    static final String CONSUMER = "routing";

    private final EventBatches batches;
    private final BatchRouting routing;

    IntakeEventsListener(EventBatches batches, BatchRouting routing) {
        this.batches = batches;
        this.routing = routing;
    }

    @KafkaListener(topics = Topics.INTAKE, id = "notification-service-intake", idIsGroup = false,
            containerFactory = KafkaConfiguration.BATCH_FACTORY)
    void on(List<ConsumerRecord<String, byte[]>> records) {
        batches.handleOnce(CONSUMER, records, events -> routing.routeAll(events.stream()
                .map(event -> new BatchRouting.EventToRoute(event.id(), event.known().orElse(null), event.traceparent()))
                .toList()));
    }
}
