package org.duban.platform.kafka;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.cloudevents.rw.CloudEventRWException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.duban.contracts.events.DubanEvent;
import org.duban.contracts.events.EventCatalog;
import org.duban.contracts.events.EventType;
import org.duban.platform.tracing.TraceContexts;
import org.duban.platform.events.EventJson;
import org.duban.platform.events.PendingEvent;

/** CloudEvents in Kafka binary mode: attributes as {@code ce_*} headers, the JSON payload as the value. */
public final class CloudEventRecords {

    public static final String JSON = "application/json";

    private CloudEventRecords() {
    }

    public static ProducerRecord<String, byte[]> toRecord(PendingEvent event, URI source) {
        CloudEvent cloudEvent = CloudEventBuilder.v1()
                .withId(event.id())
                .withType(event.type())
                .withSource(source)
                .withTime(event.time().atOffset(ZoneOffset.UTC))
                .withSubject(event.subject())
                .withDataContentType(JSON)
                .withData(event.data().getBytes(StandardCharsets.UTF_8))
                .build();
        return KafkaMessageFactory.<String>createWriter(event.topic(), event.key()).writeBinary(cloudEvent);
    }

    /**
     * Reads a record as a CloudEvent and, if its type is in the catalog, its payload.
     *
     * @throws PoisonEvent if the record is not a CloudEvent or its payload does not fit its type
     */
    public static IncomingEvent read(ConsumerRecord<String, byte[]> record) {
        CloudEvent event;
        try {
            event = KafkaMessageFactory.createReader(record).toEvent();
        } catch (CloudEventRWException | IllegalStateException e) {
            throw new PoisonEvent("not a CloudEvent at " + record.topic() + "-" + record.partition() + "@" + record.offset(), e);
        }
        DubanEvent payload = EventCatalog.byName(event.getType()).map(type -> payload(event, type)).orElse(null);
        return new IncomingEvent(
                event.getId(),
                event.getType(),
                event.getSource().toString(),
                event.getTime() == null ? null : event.getTime().toInstant(),
                event.getSubject(),
                record.key(),
                payload,
                record.topic(),
                record.partition(),
                record.offset(),
                traceparent(record));
    }

    private static String traceparent(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader(TraceContexts.TRACEPARENT);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static DubanEvent payload(CloudEvent event, EventType type) {
        if (event.getData() == null) {
            throw new PoisonEvent("event " + event.getId() + " of type " + type.name() + " has no data", null);
        }
        try {
            return EventJson.read(event.getData().toBytes(), type.recordType());
        } catch (RuntimeException e) {
            throw new PoisonEvent("event " + event.getId() + " does not match " + type.name(), e);
        }
    }
}
