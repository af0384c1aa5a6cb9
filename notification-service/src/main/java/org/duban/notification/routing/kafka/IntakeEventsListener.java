package org.duban.notification.routing.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.duban.contracts.events.Topics;
import org.duban.contracts.events.UnitRegistered;
import org.duban.notification.routing.RoutingService;
import org.duban.notification.unit.UnitDirectory;
import org.duban.platform.inbox.ProcessedEvents;
import org.duban.platform.kafka.CloudEventRecords;
import org.duban.platform.kafka.IncomingEvent;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads intake's events and hands each one, once, to routing (a registered unit also updates the
 * local copy of units and contacts). Events routing has no rule for are recorded as processed all the
 * same; malformed ones go to the dead-letter topic.
 */
@Component
class IntakeEventsListener {

    static final String CONSUMER = "routing";

    private final ProcessedEvents processed;
    private final RoutingService routing;
    private final UnitDirectory units;

    IntakeEventsListener(ProcessedEvents processed, RoutingService routing, UnitDirectory units) {
        this.processed = processed;
        this.routing = routing;
        this.units = units;
    }

    @KafkaListener(topics = Topics.INTAKE, id = "notification-service-intake", idIsGroup = false)
    void on(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = CloudEventRecords.read(record);
        processed.handleOnce(CONSUMER, event, () -> event.known().ifPresent(payload -> {
            if (payload instanceof UnitRegistered registered) {
                units.record(registered);
            }
            routing.route(event.id(), payload);
        }));
    }
}
