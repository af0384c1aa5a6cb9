package org.duban.reporting.projection.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.duban.contracts.events.Topics;
import org.duban.platform.inbox.ProcessedEvents;
import org.duban.platform.kafka.CloudEventRecords;
import org.duban.platform.kafka.IncomingEvent;
import org.duban.reporting.projection.ProjectionService;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads every service's events (group {@code reporting-service}, from the platform defaults) and
 * hands those it knows to the projection. Types the figures do not use yet are read and passed
 * over, so the group's offsets exist on every topic from the first start.
 */
@Component
class ProjectionListener {

    static final String CONSUMER = "projection";

    private final ProcessedEvents processed;
    private final ProjectionService projection;

    ProjectionListener(ProcessedEvents processed, ProjectionService projection) {
        this.processed = processed;
        this.projection = projection;
    }

    @KafkaListener(id = "reporting-projection", idIsGroup = false,
            topics = {Topics.INTAKE, Topics.SUPERVISION, Topics.NOTIFICATION})
    void on(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = CloudEventRecords.read(record);
        processed.handleOnce(CONSUMER, event, () -> event.known().ifPresent(projection::apply));
    }
}
