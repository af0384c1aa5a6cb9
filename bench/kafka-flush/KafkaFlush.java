import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Produces to a local broker as the services do (acks=all, idempotent, linger 0), records of about 1 KB, in two
 * workloads: one record at a time, each waiting for its acknowledgement (the outbox relay's way), and 8 records
 * in flight at once. Prints "RESULT workload|records/s|p50 ms|p99 ms" lines.
 */
public class KafkaFlush {

    public static void main(String[] args) throws Exception {
        String bootstrap = "127.0.0.1:" + args[0];
        int n = Integer.parseInt(args[1]);
        try (Admin admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic("bench.one", 3, (short) 1), new NewTopic("bench.eight", 3, (short) 1)))
                    .all().get(60, TimeUnit.SECONDS);
        }
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 0, ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        byte[] value = new byte[1000];
        Arrays.fill(value, (byte) 'x');
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < 200; i++) { // warm-up
                producer.send(new ProducerRecord<>("bench.one", "warm-" + i, value)).get();
            }
            run("one at a time", n, 1, producer, "bench.one", value);
            run("8 in flight", n, 8, producer, "bench.eight", value);
        }
    }

    private static void run(String name, int n, int inFlight, KafkaProducer<String, byte[]> producer, String topic,
            byte[] value) throws Exception {
        long[] latencies = new long[n];
        List<Future<RecordMetadata>> window = new ArrayList<>();
        long[] sentAt = new long[n];
        long began = System.nanoTime();
        int done = 0;
        for (int i = 0; i < n; i++) {
            sentAt[i] = System.nanoTime();
            window.add(producer.send(new ProducerRecord<>(topic, "matter-" + (i % 50), value)));
            if (window.size() == inFlight || i == n - 1) {
                for (Future<RecordMetadata> sent : window) {
                    sent.get();
                    latencies[done] = System.nanoTime() - sentAt[done];
                    done++;
                }
                window.clear();
            }
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        Arrays.sort(latencies);
        System.out.printf("RESULT %s|%.0f|%.2f|%.2f%n", name, n / seconds, latencies[n / 2] / 1e6,
                latencies[(int) (n * 0.99)] / 1e6);
    }
}
