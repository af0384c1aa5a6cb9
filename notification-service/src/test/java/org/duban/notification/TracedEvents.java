package org.duban.notification;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.duban.contracts.events.DubanEvent;
import org.duban.platform.events.PendingEvent;
import org.duban.platform.events.PendingEvents;
import org.duban.platform.kafka.CloudEventRecords;

/** Publishes an event as a traced producer does: a CloudEvent with a W3C {@code traceparent} header. */
final class TracedEvents {

    private TracedEvents() {
    }

    static void send(String bootstrapServers, String source, DubanEvent event, String traceparent) {
        PendingEvent pending = new PendingEvents(Clock.systemUTC()).of(event.partitionKey(), event);
        ProducerRecord<String, byte[]> record = CloudEventRecords.toRecord(pending, URI.create(source));
        record.headers().add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not send a traced test event", e);
        }
    }
}
