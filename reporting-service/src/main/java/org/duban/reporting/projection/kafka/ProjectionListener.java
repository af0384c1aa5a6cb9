package org.duban.reporting.projection.kafka;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.duban.contracts.events.Topics;
import org.duban.platform.inbox.ProcessedEvents;
import org.duban.platform.kafka.CloudEventRecords;
import org.duban.platform.kafka.IncomingEvent;
import org.duban.reporting.projection.BatchProjection;
import org.duban.reporting.projection.EventNotProjected;
import org.duban.reporting.timeline.TimelineService.RecordedEvent;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Reads every service's events (group {@code reporting-service}, from the platform defaults) a poll at a time and
 * hands those it knows to the projection and to the matters' timelines ({@link BatchProjection}). One listener for
 * both, so one consumer group's offsets say how far everything the service keeps has read (a rebuild resets that
 * one group).
 *
 * <p>A batch holds each partition's records in their order. The event ids the consumer handled already are left
 * out (one query); the rest are projected, and their ids recorded (one write) only after their effects are stored,
 * so a crash anywhere hands them over again and their idempotent effects count them once. A record that cannot be
 * read or projected fails alone: the records before it are stored and their offsets committed, and it is retried
 * and dead-lettered as the platform's error handler does with any record.
 *
 * <p>The records it got through are counted ({@code duban.projection.events}, {@code duban_projection_events_total}
 * in Prometheus): the container's own timer counts polls, not events.
 */
@Component
class ProjectionListener {

    static final String CONSUMER = "projection";

    private final ProcessedEvents processed;
    private final BatchProjection projection;
    private final Counter events;

    ProjectionListener(ProcessedEvents processed, BatchProjection projection, MeterRegistry meters) {
        this.processed = processed;
        this.projection = projection;
        this.events = Counter.builder("duban.projection.events")
                .description("Events the projection listener got through: projected, or handled before").register(meters);
    }

    @KafkaListener(id = "reporting-projection", idIsGroup = false,
            topics = {Topics.INTAKE, Topics.SUPERVISION, Topics.NOTIFICATION},
            containerFactory = "projectionListenerContainerFactory") // ProjectionKafkaConfiguration: a poll at a time
    void on(List<ConsumerRecord<String, byte[]>> records) {
        List<IncomingEvent> read = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            IncomingEvent event;
            try {
                event = CloudEventRecords.read(records.get(i));
            } catch (RuntimeException e) {
                handle(read);
                throw new BatchListenerFailedException(e.getMessage(), e, i);
            }
            read.add(event);
        }
        handle(read);
    }

    /** Projects the events (read from the batch's first records, in order) not handled yet, then records them. */
    private void handle(List<IncomingEvent> events) {
        Map<String, IncomingEvent> byId = new LinkedHashMap<>();
        events.forEach(event -> byId.putIfAbsent(event.id(), event));
        Set<String> handled = processed.handled(CONSUMER, byId.keySet());
        List<IncomingEvent> fresh = new ArrayList<>();
        List<RecordedEvent> known = new ArrayList<>();
        List<Integer> knownAt = new ArrayList<>();
        byId.values().stream().filter(event -> !handled.contains(event.id())).forEach(event -> {
            fresh.add(event);
            event.known().ifPresent(payload -> {
                known.add(new RecordedEvent(event.id(), payload));
                knownAt.add(fresh.size() - 1);
            });
        });
        try {
            projection.project(known);
        } catch (EventNotProjected e) {
            IncomingEvent failed = fresh.get(knownAt.get(e.index()));
            processed.recordHandled(CONSUMER, fresh.subList(0, knownAt.get(e.index())));
            this.events.increment(events.indexOf(failed));
            throw new BatchListenerFailedException(e.getCause().getMessage(), e.getCause(), events.indexOf(failed));
        }
        processed.recordHandled(CONSUMER, fresh);
        this.events.increment(events.size());
    }
}
