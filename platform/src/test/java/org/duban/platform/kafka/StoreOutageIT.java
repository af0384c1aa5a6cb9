package org.duban.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import com.mongodb.MongoSocketReadException;
import com.mongodb.ServerAddress;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.duban.contracts.events.Actor;
import org.duban.contracts.events.AssignmentAccepted;
import org.duban.contracts.events.Topics;
import org.duban.platform.events.PendingEvent;
import org.duban.platform.events.PendingEvents;
import org.duban.platform.inbox.ProcessedEvents;
import org.duban.platform.testing.FreshDatabases;
import org.duban.platform.testing.TopicReader;
import org.duban.platform.tracing.TraceContexts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * A consumer a poll at a time while its store cannot be reached, with the platform's error handler (one retry, then
 * the dead-letter topic): it waits for the store as long as it takes and parks nothing; a record that fails for a
 * reason of its own still goes to the dead-letter topic after the retries, alone, whether or not the handler said which
 * of the poll's events failed.
 */
@EmbeddedKafka
class StoreOutageIT {

    @RegisterExtension
    static final FreshDatabases mongo = new FreshDatabases("outage");

    private final String service = "outage-" + UUID.randomUUID();
    private final String topic = "duban." + service;
    private final String bootstrap = EmbeddedKafkaCondition.getBroker().getBrokersAsString();
    private final KafkaTemplate<String, byte[]> template = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringSerializer(), new ByteArraySerializer()));
    private final EventBatches batches = new EventBatches(
            new ProcessedEvents(mongo.fresh(), Clock.systemUTC(), Duration.ofDays(7)), new SimpleMeterRegistry(),
            TraceContexts.none());
    private final Set<String> handled = ConcurrentHashMap.newKeySet();
    private KafkaMessageListenerContainer<String, byte[]> container;

    @AfterEach
    void stop() {
        container.stop();
        template.destroy();
    }

    @Test
    void aPollWaitsForItsStoreLongerThanTheRetriesAndNothingIsParked() throws Exception {
        // given: the store unreachable for the first eight attempts, four times the retries the error handler allows
        AtomicInteger attempts = new AtomicInteger();
        listen(events -> {
            if (attempts.incrementAndGet() <= 8) {
                throw new MongoSocketReadException("Prematurely reached end of stream", new ServerAddress());
            }
            events.forEach(event -> handled.add(event.id()));
        });

        // when
        List<String> sent = send(3);

        // then
        await().atMost(Duration.ofSeconds(30)).until(() -> handled.containsAll(sent));
        assertThat(attempts.get()).isGreaterThan(8);
        assertThat(TopicReader.readAll(bootstrap, Topics.deadLetter(service))).isEmpty();
    }

    @Test
    void aRecordThatFailsForAReasonOfItsOwnStillGoesToTheDeadLetterTopicAfterTheRetries() throws Exception {
        // given
        listen(events -> {
            throw new IllegalStateException("a bug in the handler");
        });

        // when
        List<String> sent = send(1);

        // then
        await().atMost(Duration.ofSeconds(30)).until(() ->
                TopicReader.readAll(bootstrap, Topics.deadLetter(service)).size() == sent.size());
        assertThat(handled).isEmpty();
    }

    @Test
    void aPollThatFailsWithoutSayingWhichEventFailedParksThatEventAloneAndHandlesTheOthers() throws Exception {
        // given: three events waiting in one poll, and a handler that fails any list holding the second one
        List<String> sent = send(3);

        // when
        listen(events -> {
            if (events.stream().anyMatch(event -> event.id().equals(sent.get(1)))) {
                throw new IllegalStateException("a bug in the handler");
            }
            events.forEach(event -> handled.add(event.id()));
        });

        // then
        await().atMost(Duration.ofSeconds(30)).until(() -> handled.containsAll(List.of(sent.get(0), sent.get(2))));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                !TopicReader.readAll(bootstrap, Topics.deadLetter(service)).isEmpty());
        assertThat(TopicReader.readAll(bootstrap, Topics.deadLetter(service))).extracting(ConsumerRecord::key)
                .containsExactly("case-1");
        assertThat(handled).doesNotContain(sent.get(1));
    }

    private void listen(Consumer<List<IncomingEvent>> handler) {
        KafkaTopicsProperties retryOnce = new KafkaTopicsProperties(List.of(), 1, (short) 1, Duration.ofMillis(50),
                Duration.ofMillis(200), 1);
        ContainerProperties properties = new ContainerProperties(topic);
        properties.setGroupId("outage-" + UUID.randomUUID());
        properties.setAckMode(AckMode.BATCH);
        properties.setMessageListener((BatchMessageListener<String, byte[]>) records ->
                batches.handleOnce("outage-test", records, handler));
        container = new KafkaMessageListenerContainer<>(new DefaultKafkaConsumerFactory<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer()),
                properties);
        container.setCommonErrorHandler(new KafkaConfiguration().kafkaErrorHandler(template, retryOnce, service));
        container.start();
    }

    private List<String> send(int count) throws Exception {
        PendingEvents pending = new PendingEvents(Clock.systemUTC());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant at = Instant.parse("2026-03-02T07:30:00Z");
            PendingEvent event = pending.of("asg-" + i, new AssignmentAccepted("asg-" + i, "case-" + i, "unit-1", at, at,
                    true, new Actor("li.na", "UNIT", "unit-1")));
            ProducerRecord<String, byte[]> record = CloudEventRecords.toRecord(event, URI.create("/intake-service"));
            template.send(new ProducerRecord<>(topic, null, record.key(), record.value(), record.headers())).get();
            ids.add(event.id());
        }
        return ids;
    }
}
