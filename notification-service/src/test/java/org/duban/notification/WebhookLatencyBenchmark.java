package org.duban.notification;

import static org.duban.notification.AcknowledgementScenario.INTAKE;
import static org.duban.notification.WebhookFixtures.issued;
import static org.duban.notification.WebhookFixtures.register;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.duban.platform.events.PendingEvents;
import org.duban.platform.kafka.CloudEventRecords;
import org.duban.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * How long a unit waits for its webhook: from publishing an {@code AssignmentIssued} (acks=all) to
 * the first request arriving at the unit's receiver, one assignment at a time, next to a raw Kafka
 * produce → consume round on the same embedded broker. Not part of the suite (its name matches
 * neither Surefire's nor Failsafe's patterns); run it with
 *
 * <pre>./mvnw -q -o -pl notification-service -am verify -Dtest=WebhookLatencyBenchmark \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=none -Dfailsafe.failIfNoSpecifiedTests=false</pre>
 *
 * Sample size: {@code -Dbenchmark.samples=300} (default), warm-up 50.
 */
@EmbeddedKafka(partitions = 1, topics = "benchmark.raw",
        brokerProperties = {"offsets.topic.num.partitions=1", "group.initial.rebalance.delay.ms=0"})
class WebhookLatencyBenchmark {

    private static final int SAMPLES = Integer.getInteger("benchmark.samples", 300);
    private static final int WARM_UP = 50;

    @Test
    void measuresAssignmentToFirstWebhookAttemptNextToRawKafka() throws Exception {
        EmbeddedKafkaBroker broker = EmbeddedKafkaCondition.getBroker();
        String bootstrap = broker.getBrokersAsString();
        long[] raw = rawKafka(bootstrap);
        long[] webhook = assignmentToWebhook(bootstrap);
        System.out.println();
        System.out.println("=== notification latency benchmark (" + SAMPLES + " samples each, after " + WARM_UP
                + " warm-up; one at a time; embedded broker and Mongo-wire store; "
                + Runtime.getRuntime().availableProcessors() + " CPUs) ===");
        System.out.println(line("raw Kafka produce -> consume", raw));
        System.out.println(line("AssignmentIssued published -> first webhook attempt", webhook));
        System.out.println();
    }

    private static long[] assignmentToWebhook(String bootstrap) throws Exception {
        String database = "duban_notification_bench_" + UUID.randomUUID().toString().replace("-", "");
        Map<String, String> settings = Map.of("duban.notification.webhooks.allow-http", "true",
                "duban.notification.webhooks.allow-loopback", "true", "logging.level.root", "WARN");
        try (TestReceiver receiver = new TestReceiver();
                RunningNotification.Started service = RunningNotification.start(database, bootstrap, settings);
                KafkaProducer<String, byte[]> producer = producer(bootstrap)) {
            register(service.http(), TestTokens.unit("li.na", "unit-bench"), receiver.url());
            PendingEvents events = new PendingEvents(Clock.systemUTC());
            long[] latencies = new long[SAMPLES];
            for (int i = 0; i < WARM_UP + SAMPLES; i++) {
                var event = events.of("bench", issued("asg-bench-" + i, "unit-bench"));
                long started = System.nanoTime();
                producer.send(CloudEventRecords.toRecord(event, URI.create(INTAKE))).get();
                TestReceiver.Received arrived = receiver.awaitRequests(i + 1, 30_000);
                if (i >= WARM_UP) {
                    latencies[i - WARM_UP] = arrived.nanos() - started;
                }
            }
            return latencies;
        }
    }

    private static long[] rawKafka(String bootstrap) throws Exception {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "benchmark-raw");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        long[] latencies = new long[SAMPLES];
        AtomicLong consumedAt = new AtomicLong();
        try (KafkaProducer<String, byte[]> producer = producer(bootstrap);
                KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                        new ByteArrayDeserializer())) {
            consumer.subscribe(List.of("benchmark.raw"));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            CountDownLatch stop = new CountDownLatch(1);
            List<Long> arrivals = new ArrayList<>();
            Thread polling = new Thread(() -> {
                while (stop.getCount() > 0) {
                    for (ConsumerRecord<String, byte[]> ignored : consumer.poll(Duration.ofMillis(100))) {
                        synchronized (arrivals) {
                            arrivals.add(System.nanoTime());
                            arrivals.notifyAll();
                        }
                    }
                }
            });
            polling.start();
            byte[] payload = new byte[300];
            for (int i = 0; i < WARM_UP + SAMPLES; i++) {
                long started = System.nanoTime();
                producer.send(new ProducerRecord<>("benchmark.raw", "k", payload)).get();
                synchronized (arrivals) {
                    while (arrivals.size() < i + 1) {
                        arrivals.wait(30_000);
                    }
                    consumedAt.set(arrivals.get(i));
                }
                if (i >= WARM_UP) {
                    latencies[i - WARM_UP] = consumedAt.get() - started;
                }
            }
            stop.countDown();
            polling.join();
        }
        return latencies;
    }

    private static KafkaProducer<String, byte[]> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(), new ByteArraySerializer());
    }

    private static String line(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format("%-52s p50 %7.2f ms   p90 %7.2f ms   p99 %7.2f ms   max %7.2f ms   mean %7.2f ms", what,
                millis(percentile(sorted, 50)), millis(percentile(sorted, 90)), millis(percentile(sorted, 99)),
                millis(sorted[sorted.length - 1]),
                millis((long) Arrays.stream(sorted).average().orElse(0)));
    }

    private static long percentile(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }
}
