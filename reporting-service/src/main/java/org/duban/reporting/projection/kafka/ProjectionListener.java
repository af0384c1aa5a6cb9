package org.duban.reporting.projection.kafka;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.duban.contracts.events.Topics;
import org.duban.platform.domain.EventNotHandled;
import org.duban.platform.kafka.EventBatches;
import org.duban.platform.kafka.IncomingEvent;
import org.duban.platform.kafka.KafkaConfiguration;
import org.duban.reporting.projection.BatchProjection;
import org.duban.reporting.timeline.TimelineService.RecordedEvent;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads every service's events (group {@code reporting-service}, from the platform defaults) a poll at a time, each
 * event once ({@link EventBatches}: handled ids left out with one query, recorded with one write after their effects
 * are stored; a record that cannot be read or projected fails alone), and hands those it knows to the projection and
 * to the matters' timelines ({@link BatchProjection}). One listener for both, so one consumer group's offsets say how
 * far everything the service keeps has read (a rebuild resets that one group).
 */
@Component
class ProjectionListener {

    static final String CONSUMER = "projection";

    private final EventBatches batches;
    private final BatchProjection projection;

    ProjectionListener(EventBatches batches, BatchProjection projection) {
        this.batches = batches;
        this.projection = projection;
    }

    @KafkaListener(id = "reporting-projection", idIsGroup = false,
            topics = {Topics.INTAKE, Topics.SUPERVISION, Topics.NOTIFICATION},
            containerFactory = KafkaConfiguration.BATCH_FACTORY)
    void on(List<ConsumerRecord<String, byte[]>> records) {
        batches.handleOnce(CONSUMER, records, this::project);
    }

    /** Projects the events of a type this service knows; the others are only recorded as handled. */
    private void project(List<IncomingEvent> events) {
        List<RecordedEvent> known = new ArrayList<>();
        List<Integer> knownAt = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            IncomingEvent event = events.get(i);
            int at = i;
            event.known().ifPresent(payload -> {
                known.add(new RecordedEvent(event.id(), payload));
                knownAt.add(at);
            });
        }
        try {
            projection.project(known);
        } catch (EventNotHandled e) {
            throw new EventNotHandled(knownAt.get(e.index()), e.getCause());
        }
    }
}
