package org.duban.platform.kafka.deadletters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.duban.contracts.events.Topics;
import org.duban.platform.kafka.PoisonEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The dead-letter command against a real broker: a consumer parks a poisoned record on its dead-letter topic
 * the way every service does (Spring Kafka's recoverer), the command lists it with its error and, once the
 * consumer is fixed, replays it to its topic exactly once.
 */
@EmbeddedKafka
class DeadLetterCommandIT {

    private final String events = "duban.test-" + UUID.randomUUID() + ".events";
    private final Inbox inbox = new Inbox();
    private String bootstrap;
    private Admin admin;
    private KafkaTemplate<String, byte[]> template;
    private KafkaMessageListenerContainer<String, byte[]> consumer;

    @BeforeEach
    void connect() throws Exception {
        bootstrap = EmbeddedKafkaCondition.getBroker().getBrokersAsString();
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
        admin.createTopics(List.of(new NewTopic(events, 1, (short) 1))).all().get();
        template = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringSerializer(), new ByteArraySerializer()));
    }

    @AfterEach
    void close() {
        if (consumer != null) {
            consumer.stop();
        }
        template.destroy();
        admin.close();
    }

    @Test
    void replaysAPoisonedRecordToItsTopicOnceTheConsumerIsFixed() throws Exception {
        // given: a consumer that cannot read one record parks it on its dead-letter topic
        String deadLetterTopic = createDeadLetterTopic("supervision-service");
        consume("supervision-service", deadLetterTopic);
        send(events, "matter-1", "fine", "event-1");
        send(events, "matter-2", "poisoned", "event-2");
        await().atMost(Duration.ofSeconds(20)).until(() -> endOffset(deadLetterTopic) == 1);

        // when
        Result listed = run("list", "--bootstrap", bootstrap, "--service", "supervision");

        // then: it shows where the record came from, which event it was and why it failed
        assertThat(listed.exitCode()).isZero();
        assertThat(listed.out()).contains("duban.supervision-service.dlt:0:0\t" + events + ":0:1\t")
                .contains("\tduban.test.happened.v1\tevent-2\t")
                .contains("org.duban.platform.kafka.PoisonEvent: Listener failed; not readable before the fix\tno");

        // when: the fix is out, the dead letter is replayed
        inbox.fixed.set(true);
        Result replayed = run("replay", "--bootstrap", bootstrap, "--service", "supervision", "--offsets", "0:0");

        // then: it is back on its topic with its key and headers, and processed exactly once
        assertThat(replayed.exitCode()).as(replayed.err()).isZero();
        assertThat(replayed.out()).contains("replayed duban.supervision-service.dlt:0:0 as " + events + ":0:2");
        await().atMost(Duration.ofSeconds(20)).until(() -> inbox.handled.getOrDefault("event-2", 0) == 1);
        ConsumerRecord<String, byte[]> replay = recordAt(events, 2);
        assertThat(replay.key()).isEqualTo("matter-2");
        assertThat(new String(replay.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8)).isEqualTo("event-2");
        assertThat(new String(replay.headers().lastHeader(DeadLetter.REPLAYED_FROM).value(), StandardCharsets.UTF_8))
                .isEqualTo("duban.supervision-service.dlt:0:0");
        assertThat(replay.headers().lastHeader(KafkaHeaders.DLT_EXCEPTION_FQCN)).isNull();
        assertThat(inbox.handled).containsEntry("event-1", 1).containsEntry("event-2", 1);
    }

    @Test
    void refusesToReplayTheSameDeadLetterTwice() throws Exception {
        // given: a dead letter replayed once
        String deadLetterTopic = createDeadLetterTopic("intake-service");
        sendDeadLetter(deadLetterTopic, events, "event-3");
        assertThat(run("replay", "--bootstrap", bootstrap, "--service", "intake", "--offsets", "0:0").exitCode()).isZero();

        // when
        Result again = run("replay", "--bootstrap", bootstrap, "--service", "intake", "--offsets", "0:0");
        Result all = run("replay", "--bootstrap", bootstrap, "--service", "intake", "--all");
        Result listed = run("list", "--bootstrap", bootstrap, "--service", "intake");

        // then: named again it is refused, with --all it is skipped; either way published once only
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("refused, nothing published: already replayed duban.intake-service.dlt:0:0 (as "
                + events + ":0:0)");
        assertThat(all.exitCode()).isZero();
        assertThat(all.out()).contains("skipped duban.intake-service.dlt:0:0: already replayed as " + events + ":0:0")
                .contains("nothing to replay");
        assertThat(endOffset(events)).isEqualTo(1);
        assertThat(listed.out()).contains("\t" + events + ":0:0" + System.lineSeparator());
    }

    @Test
    void aDryRunSaysWhatItWouldReplayAndPublishesNothing() throws Exception {
        // given
        String deadLetterTopic = createDeadLetterTopic("reporting-service");
        sendDeadLetter(deadLetterTopic, events, "event-4");

        // when
        Result dryRun = run("replay", "--bootstrap", bootstrap, "--service", "reporting", "--all", "--dry-run");

        // then
        assertThat(dryRun.exitCode()).isZero();
        assertThat(dryRun.out()).contains("would replay duban.reporting-service.dlt:0:0 to " + events
                + " (duban.test.happened.v1 event-4)");
        assertThat(endOffset(events)).isZero();
    }

    @Test
    void refusesOffsetsTheDeadLetterTopicDoesNotHoldAndPublishesNone() throws Exception {
        // given
        String deadLetterTopic = createDeadLetterTopic("notification-service");
        sendDeadLetter(deadLetterTopic, events, "event-5");

        // when
        Result result = run("replay", "--bootstrap", bootstrap, "--service", "notification", "--offsets", "0:0,0:7");

        // then: not even the one that exists was published
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("duban.notification-service.dlt holds no record at 0:7");
        assertThat(endOffset(events)).isZero();
    }

    @Test
    void wrongArgumentsAreExplainedAndExitWithTwo() {
        for (String[] args : List.of(
                new String[] {},
                new String[] {"purge", "--service", "intake"},
                new String[] {"replay", "--bootstrap", "b:9092", "--service", "intake"},
                new String[] {"replay", "--bootstrap", "b:9092", "--service", "intake", "--all", "--offsets", "0:1"},
                new String[] {"replay", "--bootstrap", "b:9092", "--all"},
                new String[] {"replay", "--bootstrap", "b:9092", "--service", "intake", "--offsets", "zero:one"},
                new String[] {"list", "--bootstrap", "b:9092", "--service", "billing"},
                new String[] {"list", "--service", "intake"})) {
            // when
            Result result = run(args);

            // then
            assertThat(result.exitCode()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(result.err()).as(String.join(" ", args)).startsWith("dead-letters: ").contains("usage: dead-letters");
            assertThat(result.out()).isEmpty();
        }
    }

    private Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = DeadLetterCommand.run(args, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Result(int exitCode, String out, String err) {
    }

    private String createDeadLetterTopic(String service) throws Exception {
        String topic = Topics.deadLetter(service);
        admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        return topic;
    }

    private void consume(String service, String deadLetterTopic) {
        ContainerProperties properties = new ContainerProperties(events);
        properties.setMessageListener((MessageListener<String, byte[]>) inbox::handle);
        consumer = new KafkaMessageListenerContainer<>(new DefaultKafkaConsumerFactory<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.GROUP_ID_CONFIG, service,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer()),
                properties);
        consumer.setCommonErrorHandler(new DefaultErrorHandler(new DeadLetterPublishingRecoverer(template,
                (record, exception) -> new TopicPartition(deadLetterTopic, -1)), new FixedBackOff(0L, 0L)));
        consumer.start();
    }

    private void send(String topic, String key, String value, String eventId) throws Exception {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", "duban.test.happened.v1".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_id", eventId.getBytes(StandardCharsets.UTF_8));
        template.send(record).get();
    }

    /** A dead letter as the recoverer writes one: the original record plus its kafka_dlt-* headers. */
    private void sendDeadLetter(String deadLetterTopic, String originalTopic, String eventId) throws Exception {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(deadLetterTopic, "matter-9",
                "{}".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", "duban.test.happened.v1".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_id", eventId.getBytes(StandardCharsets.UTF_8));
        record.headers().add(KafkaHeaders.DLT_ORIGINAL_TOPIC, originalTopic.getBytes(StandardCharsets.UTF_8));
        record.headers().add(new RecordHeader(KafkaHeaders.DLT_ORIGINAL_PARTITION, ByteBuffer.allocate(4).putInt(0).array()));
        record.headers().add(new RecordHeader(KafkaHeaders.DLT_ORIGINAL_OFFSET, ByteBuffer.allocate(8).putLong(41).array()));
        record.headers().add(KafkaHeaders.DLT_EXCEPTION_FQCN, "java.lang.IllegalStateException".getBytes(StandardCharsets.UTF_8));
        record.headers().add(KafkaHeaders.DLT_EXCEPTION_MESSAGE, "broken".getBytes(StandardCharsets.UTF_8));
        template.send(record).get();
    }

    private ConsumerRecord<String, byte[]> recordAt(String topic, long offset) {
        TopicPartition partition = new TopicPartition(topic, 0);
        try (KafkaConsumer<String, byte[]> reader = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap), new StringDeserializer(), new ByteArrayDeserializer())) {
            reader.assign(List.of(partition));
            reader.seek(partition, offset);
            return await().atMost(Duration.ofSeconds(10)).until(
                    () -> reader.poll(Duration.ofMillis(200)).records(partition).stream().findFirst().orElse(null),
                    record -> record != null);
        }
    }

    private long endOffset(String topic) throws Exception {
        TopicPartition partition = new TopicPartition(topic, 0);
        return admin.listOffsets(Map.of(partition, OffsetSpec.latest())).all().get().get(partition).offset();
    }

    /** An idempotent consumer (as processed_events makes every service's) that cannot read "poisoned" before the fix. */
    private static final class Inbox {

        final AtomicBoolean fixed = new AtomicBoolean();
        final Map<String, Integer> handled = new ConcurrentHashMap<>();

        void handle(ConsumerRecord<String, byte[]> record) {
            String eventId = new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8);
            if ("poisoned".equals(new String(record.value(), StandardCharsets.UTF_8)) && !fixed.get()) {
                throw new PoisonEvent("not readable before the fix", null);
            }
            handled.merge(eventId, 1, Integer::sum);
        }
    }
}
