import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.duban.platform.events.PendingEvent;
import org.duban.platform.kafka.KafkaEventPublisher;
import org.duban.platform.outbox.AggregateWriter;
import org.duban.platform.outbox.OutboxProperties;
import org.duban.platform.outbox.OutboxRelay;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The outbox relay's rate as the data already stored grows (issue #18), run by bench/relay-scaling/run.sh.
 *
 * <pre>
 *   java RelayScaling.java MONGO_PORT KAFKA_PORT STORED EVENTS WRITERS
 * </pre>
 * A collection is filled with STORED documents of about 1 KB without events (matters handled long ago); then
 * WRITERS callers store EVENTS new documents, each with one event in its outbox, through the platform's
 * {@code AggregateWriter}, while the platform's {@code OutboxRelay} (the service's settings: a round every 2 s,
 * batches of 100) publishes them with the platform's {@code KafkaEventPublisher} (acks=all) to a topic of 6
 * partitions. Prints one line: the writes per second, the events published per second from the first write to
 * the last acknowledgement, and how long the relay still needed after the last write. Then the relay's own rate,
 * whatever the writers' pace: EVENTS more documents with one event each are stored while no relay runs, and a
 * relay started then publishes them (its rounds: the oldest 100 at a time); printed as events per second from its
 * start to the last acknowledgement.
 */
public class RelayScaling {

    private static final String COLLECTION = "assignments";
    private static final String TOPIC = "bench.relay-scaling.v1";

    public static void main(String[] args) throws Exception {
        int mongoPort = Integer.parseInt(args[0]);
        int kafkaPort = Integer.parseInt(args[1]);
        int stored = Integer.parseInt(args[2]);
        int events = Integer.parseInt(args[3]);
        int writers = Integer.parseInt(args[4]);
        String bootstrap = "127.0.0.1:" + kafkaPort;
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            if (!admin.listTopics().names().get().contains(TOPIC)) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 6, (short) 1))).all().get();
            }
        }
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + mongoPort)) {
            MongoDatabase database = client.getDatabase("relay_" + stored + "_" + System.nanoTime());
            MongoCollection<Document> collection = database.getCollection(COLLECTION);
            long seeding = System.nanoTime();
            seed(collection, stored);
            System.err.printf("seeded %d documents in %.1f s%n", stored, (System.nanoTime() - seeding) / 1e9);

            DefaultKafkaProducerFactory<String, byte[]> producers = new DefaultKafkaProducerFactory<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            OutboxRelay relay = new OutboxRelay(database, new KafkaEventPublisher(new KafkaTemplate<>(producers), "bench"),
                    new OutboxProperties(true, List.of(COLLECTION), Duration.ofSeconds(2), Duration.ofSeconds(30), 100,
                            Duration.ofSeconds(2)),
                    Clock.systemUTC(), meters);
            relay.start();
            AggregateWriter writer = new AggregateWriter(relay);
            warmUp(writer, collection, meters);

            double before = published(meters);
            AtomicInteger next = new AtomicInteger();
            ExecutorService callers = Executors.newFixedThreadPool(writers);
            long began = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                done.add(callers.submit(() -> {
                    while (next.getAndIncrement() < events) {
                        write(writer, collection);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            long written = System.nanoTime();
            while (published(meters) - before < events) {
                if (System.nanoTime() - written > Duration.ofMinutes(10).toNanos()) {
                    throw new IllegalStateException("the relay published " + (published(meters) - before) + " of "
                            + events + " in 10 minutes after the last write");
                }
                Thread.sleep(5);
            }
            long finished = System.nanoTime();
            relay.stop();

            // a backlog: the same number of events stored while no relay runs (an instance down, a relay far behind),
            // then a relay starts and publishes them all — its own rate, whatever the writers' pace
            OutboxRelay down = new OutboxRelay(database, (PendingEvent event) -> {
                throw new IllegalStateException("no relay runs");
            }, new OutboxProperties(false, List.of(COLLECTION), Duration.ofSeconds(2), Duration.ofSeconds(30), 100,
                    Duration.ofSeconds(2)), Clock.systemUTC(), new SimpleMeterRegistry());
            AggregateWriter writerWithoutRelay = new AggregateWriter(down);
            AtomicInteger stored2 = new AtomicInteger();
            List<Future<?>> backlog = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                backlog.add(callers.submit(() -> {
                    while (stored2.getAndIncrement() < events) {
                        write(writerWithoutRelay, collection);
                    }
                    return null;
                }));
            }
            for (Future<?> f : backlog) {
                f.get();
            }
            SimpleMeterRegistry drainMeters = new SimpleMeterRegistry();
            OutboxRelay draining = new OutboxRelay(database, new KafkaEventPublisher(new KafkaTemplate<>(producers), "bench"),
                    new OutboxProperties(true, List.of(COLLECTION), Duration.ofSeconds(2), Duration.ofSeconds(30), 100,
                            Duration.ofSeconds(2)),
                    Clock.systemUTC(), drainMeters);
            long drainBegan = System.nanoTime();
            draining.start();
            while (published(drainMeters) < events) {
                if (System.nanoTime() - drainBegan > Duration.ofMinutes(10).toNanos()) {
                    throw new IllegalStateException("the relay drained " + published(drainMeters) + " of " + events
                            + " in 10 minutes");
                }
                Thread.sleep(2);
            }
            long drained = System.nanoTime();
            draining.stop();
            callers.shutdown();
            producers.destroy();
            database.drop();
            System.out.printf("RESULT %d|%.0f|%.0f|%.2f|%.0f%n", stored, events / ((written - began) / 1e9),
                    events / ((finished - began) / 1e9), (finished - written) / 1e9, events / ((drained - drainBegan) / 1e9));
        }
    }

    private static Document matter(String id) {
        return new Document("_id", id).append("unitId", "unit-" + (id.hashCode() & 63)).append("status", "CONCLUDED")
                .append("issuedAt", java.util.Date.from(Instant.now()))
                .append("title", "关于某街道拆迁补偿问题的信访事项".repeat(10)).append("note", "x".repeat(500));
    }

    private static void seed(MongoCollection<Document> collection, int stored) {
        List<Document> batch = new ArrayList<>();
        for (int i = 0; i < stored; i++) {
            batch.add(matter(UUID.randomUUID().toString()).append("version", 3L));
            if (batch.size() == 1000 || i == stored - 1) {
                collection.insertMany(batch);
                batch.clear();
            }
        }
    }

    private static void write(AggregateWriter writer, MongoCollection<Document> collection) {
        String id = UUID.randomUUID().toString();
        writer.insert(collection, matter(id), List.of(new PendingEvent(UUID.randomUUID().toString(),
                "duban.assignment.issued.v1", TOPIC, id, id, Instant.now(),
                "{\"assignmentId\":\"" + id + "\",\"note\":\"" + "x".repeat(300) + "\"}")));
    }

    private static void warmUp(AggregateWriter writer, MongoCollection<Document> collection, SimpleMeterRegistry meters)
            throws InterruptedException {
        double before = published(meters);
        for (int i = 0; i < 200; i++) {
            write(writer, collection);
        }
        while (published(meters) - before < 200) {
            Thread.sleep(5);
        }
    }

    private static double published(SimpleMeterRegistry meters) {
        return meters.get("duban.outbox.published").functionCounter().count();
    }
}
