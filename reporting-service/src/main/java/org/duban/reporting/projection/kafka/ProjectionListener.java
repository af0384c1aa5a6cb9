package org.duban.reporting.projection.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.duban.contracts.events.Topics;
import org.duban.platform.inbox.ProcessedEvents;
import org.duban.platform.kafka.CloudEventRecords;
import org.duban.platform.kafka.IncomingEvent;
import org.duban.reporting.projection.LawyerProjection;
import org.duban.reporting.projection.ProjectionService;
import org.duban.reporting.timeline.TimelineService;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads every service's events (group {@code reporting-service}, from the platform defaults) and
 * hands those it knows to the projection and to the matter's timeline. One listener for both, so
 * one consumer group's offsets say how far everything the service keeps has read (a rebuild resets
 * that one group).
 */
@Component
class ProjectionListener {

    static final String CONSUMER = "projection";

    private final ProcessedEvents processed;
    private final ProjectionService projection;
    private final LawyerProjection lawyers;
    private final TimelineService timelines;

    ProjectionListener(ProcessedEvents processed, ProjectionService projection, LawyerProjection lawyers,
            TimelineService timelines) {
        this.processed = processed;
        this.projection = projection;
        this.lawyers = lawyers;
        this.timelines = timelines;
    }

    @KafkaListener(id = "reporting-projection", idIsGroup = false,
            topics = {Topics.INTAKE, Topics.SUPERVISION, Topics.NOTIFICATION})
    void on(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = CloudEventRecords.read(record);
        processed.handleOnce(CONSUMER, event, () -> event.known().ifPresent(payload -> {
            projection.apply(payload);
            lawyers.apply(payload);
            timelines.record(event.id(), payload);
        }));
    }
}
