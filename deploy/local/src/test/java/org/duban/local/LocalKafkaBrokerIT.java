package org.duban.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalKafkaBrokerIT {

    private static final String TOPIC = "duban.intake.events";

    @TempDir
    Path kafkaDirectory;

    @Test
    void deliversWhatAnIdempotentProducerWroteAndStillHasItAfterARestart() throws Exception {
        // given
        List<Integer> ports = FreePort.distinct(2);
        int port = ports.get(0);
        int controllerPort = ports.get(1);
        String bootstrap = "localhost:" + port;
        LocalKafkaBroker broker = new LocalKafkaBroker(kafkaDirectory, port, controllerPort);
        broker.start();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }

        // when
        publish(bootstrap, "case-1", "{\"type\":\"duban.assignment.issued.v1\"}");

        // then
        assertThat(readTopic(bootstrap, 1)).containsExactly("case-1={\"type\":\"duban.assignment.issued.v1\"}");
        assertThat(kafkaDirectory.resolve("server.properties")).content()
                .contains("broker.session.timeout.ms=4500", "broker.heartbeat.interval.ms=1000");
        String clusterId = Files.readString(kafkaDirectory.resolve("cluster.id"));

        // when
        broker.stop();
        LocalKafkaBroker restarted = new LocalKafkaBroker(kafkaDirectory, port, controllerPort);
        restarted.start();

        // then
        try {
            assertThat(readTopic(bootstrap, 1)).containsExactly("case-1={\"type\":\"duban.assignment.issued.v1\"}");
            assertThat(kafkaDirectory.resolve("cluster.id")).hasContent(clusterId.trim());
        } finally {
            restarted.stop();
        }
    }

    private static void publish(String bootstrap, String key, String value) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(TOPIC, key, value)).get(30, TimeUnit.SECONDS);
        }
    }

    private static List<String> readTopic(String bootstrap, int expected) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        TopicPartition partition = new TopicPartition(TOPIC, 0);
        List<String> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> records.add(record.key() + "=" + record.value()));
                return records.size() >= expected;
            });
        }
        return records;
    }
}
