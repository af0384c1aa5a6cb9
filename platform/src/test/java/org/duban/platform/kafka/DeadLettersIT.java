package org.duban.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.duban.platform.testing.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;

/** The dead-letter gauge against a real broker: what the topic holds, asked for at most once per refresh. */
@EmbeddedKafka
class DeadLettersIT {

    private static final Duration REFRESH = Duration.ofSeconds(30);

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-03T08:00:00Z"));
    private final String topic = "duban.test-" + UUID.randomUUID() + ".dlt";
    private String bootstrap;
    private Admin admin;
    private DeadLetters deadLetters;

    @BeforeEach
    void createTheTopic() throws Exception {
        bootstrap = EmbeddedKafkaCondition.getBroker().getBrokersAsString();
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
        admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
        deadLetters = new DeadLetters(Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap)),
                topic, clock, REFRESH, Duration.ofSeconds(5));
    }

    @AfterEach
    void close() {
        deadLetters.close();
        admin.close();
    }

    @Test
    void countsTheRecordsOfEveryPartitionOfTheDeadLetterTopic() throws Exception {
        // given
        sendToEveryPartition();

        // when
        double count = deadLetters.count();

        // then
        assertThat(count).isEqualTo(4.0);
    }

    @Test
    void anEmptyDeadLetterTopicCountsZero() {
        // when
        double count = deadLetters.count();

        // then
        assertThat(count).isZero();
    }

    @Test
    void asksTheBrokerAgainOnlyAfterTheRefreshInterval() throws Exception {
        // given
        assertThat(deadLetters.count()).isZero();
        send("A");

        // when
        double withinTheInterval = deadLetters.count();
        clock.advance(REFRESH);
        double afterIt = deadLetters.count();

        // then
        assertThat(withinTheInterval).isZero();
        assertThat(afterIt).isEqualTo(1.0);
    }

    @Test
    void recordsRemovedFromTheStartOfThePartitionAreNoLongerCounted() throws Exception {
        // given
        send("A", "B", "C");

        // when
        admin.deleteRecords(Map.of(new TopicPartition(topic, 0), RecordsToDelete.beforeOffset(2)))
                .all().get();

        // then
        assertThat(deadLetters.count()).isEqualTo(1.0);
    }

    @Test
    void showsNotANumberWhenTheTopicCannotBeRead() {
        // given
        DeadLetters missing = new DeadLetters(Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap)),
                "duban.nobody-" + UUID.randomUUID() + ".dlt", clock, REFRESH, Duration.ofSeconds(5));

        // when
        double count = missing.count();
        missing.close();

        // then
        assertThat(count).isNaN();
    }

    private void sendToEveryPartition() throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringSerializer(), new StringSerializer())) {
            for (int partition : new int[] {0, 1, 2, 2}) {
                producer.send(new ProducerRecord<>(topic, partition, "key", "{}")).get();
            }
        }
    }

    /** Sends records to the first partition (one partition per test keeps its offsets simple). */
    private void send(String... keys) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringSerializer(), new StringSerializer())) {
            for (String key : keys) {
                producer.send(new ProducerRecord<>(topic, 0, key, "{}")).get();
            }
        }
    }
}
