package org.duban.platform.testing;

import java.net.URI;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.duban.contracts.events.DubanEvent;
import org.duban.platform.events.PendingEvent;
import org.duban.platform.events.PendingEvents;
import org.duban.platform.kafka.CloudEventRecords;

/**
 * Publishes events the way a producing service does (CloudEvents binary mode, keyed, acks=all), so a
 * consuming service can be tested without the producer running.
 */
public final class TestEvents {

    private TestEvents() {
    }

    /** Sends each event as a new CloudEvent and returns what was sent (ids included), in order. */
    public static List<PendingEvent> send(String bootstrapServers, String source, DubanEvent... events) {
        PendingEvents pending = new PendingEvents(Clock.systemUTC());
        List<PendingEvent> sent = Arrays.stream(events)
                .map(event -> pending.of(event.partitionKey(), event)).toList();
        resend(bootstrapServers, source, sent);
        return sent;
    }

    /** Sends already made events again, ids unchanged — what a relay does after a crash. */
    public static void resend(String bootstrapServers, String source, List<PendingEvent> events) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            for (PendingEvent event : events) {
                producer.send(CloudEventRecords.toRecord(event, URI.create(source))).get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not send test events", e);
        }
    }
}
