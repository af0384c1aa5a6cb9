import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Issue #18's burst against a running platform (bench/capacity/run.sh starts it and runs this with
 * kafka-clients on the class path): {@code clients} callers, each registering a matter and issuing its
 * assignment through the gateway, one pair after another, for {@code duration} seconds; then how long after
 * the last answered call the supervision board, the unit's inbox and reporting's statistics count every
 * assignment issued; the events per second intake's relay published and each consumer handled, from their
 * /actuator/prometheus; beside raw Kafka on the same broker with the platform's pattern (one record at a
 * time, waiting for the acknowledgement, as the relay publishes; one consumer committing each record, as the
 * services' listeners do) and the size and headers of a real {@code AssignmentIssued} record.
 *
 * <pre>
 *   javac -d classes -cp 'kafka-clients and slf4j jars' Capacity.java ../lib/*.java
 *   java -cp 'classes:kafka-clients and slf4j jars' Capacity gateway=http://localhost:8080 kafka=localhost:9092 \
 *       metrics=intake-service=http://localhost:9081,supervision-service=…,notification-service=…,reporting-service=… \
 *       clients=8 duration=60 pollMillis=100 goal=10 catchUpLimit=900
 * </pre>
 */
public class Capacity {

    private static final Pattern TOTAL = Pattern.compile("\"totalElements\"\\s*:\\s*(\\d+)");
    private static final Pattern ISSUED = Pattern.compile("\"assignmentsIssued\"\\s*:\\s*(\\d+)");
    private static final HttpClient HTTP = BenchGateway.HTTP;
    private static final ZoneId OFFICE = ZoneId.of("Asia/Shanghai");

    private final Map<String, String> settings;
    private final String gateway;
    private final BenchGateway api;
    private final Map<String, String> metrics = new LinkedHashMap<>();

    Capacity(Map<String, String> settings) {
        this.settings = settings;
        this.gateway = settings.get("gateway");
        this.api = new BenchGateway(gateway);
        for (String part : settings.get("metrics").split(",")) {
            int eq = part.indexOf('=');
            metrics.put(part.substring(0, eq), part.substring(eq + 1));
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> settings = Bench.settings(Map.of("clients", "8", "duration", "60", "pollMillis", "100",
                "goal", "10", "catchUpLimit", "900", "warmup", "16", "rawLimit", "5000"), args);
        new Capacity(settings).run();
        System.exit(0);
    }

    private int setting(String name) {
        return Integer.parseInt(settings.get(name));
    }

    void run() throws Exception {
        int clients = setting("clients");
        int duration = setting("duration");
        String supervisor = api.token("{\"subject\":\"bench\",\"roles\":[\"SUPERVISOR\"]}");
        String run = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);

        // warm-up on a unit of its own: every part has handled an assignment, and the backlog is drained
        String warmUnit = unit(supervisor, "CAPW-" + run);
        String warmToken = api.token("{\"subject\":\"bench-unit\",\"roles\":[\"UNIT\"],\"unitId\":\"" + warmUnit + "\"}");
        Targets warm = new Targets(supervisor, warmUnit, warmToken);
        Map<String, Long> warmBefore = warm.counts();
        for (int i = 0; i < setting("warmup"); i++) {
            pair(supervisor, warmUnit, run + "-w" + i);
        }
        Bench.log("warm-up: %s pairs on unit %s; waiting until the board, the inbox and the statistics count them",
                settings.get("warmup"), warmUnit);
        Map<String, Double> warmCaughtUp = warm.awaitCounts(warmBefore, setting("warmup"), System.nanoTime(), 600);
        if (warmCaughtUp.containsValue(Double.NaN)) {
            Bench.log("the warm-up's assignments did not all arrive within 600 s: %s; measuring anyway", warmCaughtUp);
        }

        String unitId = unit(supervisor, "CAP-" + run);
        String unitToken = api.token("{\"subject\":\"bench-unit\",\"roles\":[\"UNIT\"],\"unitId\":\"" + unitId + "\"}");
        Targets targets = new Targets(supervisor, unitId, unitToken);
        Map<String, Long> countsBefore = targets.counts();
        Thread.sleep(2_000);

        // the burst, with every part's counters sampled each second
        Sampler sampler = new Sampler();
        Thread samplerThread = started(sampler, true);
        List<Long> pairs = Collections.synchronizedList(new ArrayList<>());
        Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
        AtomicLong lastAnswered = new AtomicLong();
        long start = System.nanoTime();
        sampler.mark("burst start", start);
        long end = start + duration * 1_000_000_000L;
        Bench.log("burst: %d clients for %d s on unit %s", clients, duration, unitId);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            threads.add(started(() -> {
                for (int i = 0; System.nanoTime() < end; i++) {
                    long began = System.nanoTime();
                    try {
                        String failure = pair(supervisor, unitId, run + "-" + client + "-" + i);
                        long now = System.nanoTime();
                        lastAnswered.accumulateAndGet(now, Math::max);
                        if (failure == null) {
                            pairs.add(now - began);
                        } else {
                            errors.computeIfAbsent(failure, k -> new AtomicLong()).incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.computeIfAbsent(e.getClass().getSimpleName(), k -> new AtomicLong()).incrementAndGet();
                    }
                }
            }, false));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        long last = lastAnswered.get();
        sampler.mark("last answered", last);
        double burstSeconds = (last - start) / 1e9;
        int issued = pairs.size();
        Bench.log("burst done: %d assignments in %.1f s; catching up (polling every %s ms)…", issued, burstSeconds,
                settings.get("pollMillis"));

        Map<String, Double> caughtUp = targets.awaitCounts(countsBefore, issued, last, setting("catchUpLimit"));
        long caughtUpAll = System.nanoTime();
        Thread.sleep(2_000);
        sampler.stop();
        samplerThread.join();

        // ---- the figures ----
        System.out.println();
        System.out.printf(Locale.ROOT, "Burst: %d clients × (POST /cases, then POST /cases/{id}/assignments) through the gateway, %d s%n",
                clients, duration);
        Stats stats = Stats.of(pairs);
        long errorCount = errors.values().stream().mapToLong(AtomicLong::get).sum();
        System.out.printf(Locale.ROOT, "  assignments issued  %d in %.1f s = %.1f/s; per pair of calls p50 %.0f ms, p99 %.0f ms, max %.0f ms; errors %d %s%n",
                issued, burstSeconds, issued / burstSeconds, stats.p50, stats.p99, stats.max, errorCount,
                errors.isEmpty() ? "" : errors.toString());

        double goal = Double.parseDouble(settings.get("goal"));
        System.out.println();
        System.out.printf(Locale.ROOT, "Catch-up: from the last answered call until each view counts all %d assignments (polled every %s ms)%n",
                issued, settings.get("pollMillis"));
        for (Map.Entry<String, Double> view : caughtUp.entrySet()) {
            double seconds = view.getValue();
            System.out.printf(Locale.ROOT, "  %-48s %s%n", view.getKey(), Double.isNaN(seconds)
                    ? "NOT caught up within " + settings.get("catchUpLimit") + " s (goal ≤ " + (int) goal + " s)"
                    : String.format(Locale.ROOT, "%7.1f s   goal ≤ %.0f s: %s", seconds, goal, seconds <= goal ? "met" : "NOT met"));
        }

        sampler.print(start, last, caughtUpAll);

        rawKafka(sampler.published(start, last));
    }

    /** Registers a matter and issues its assignment; null when both answered 201, else what went wrong. */
    private String pair(String supervisor, String unitId, String label) throws IOException, InterruptedException {
        HttpResponse<String> matter = api.post("/api/v1/cases", supervisor, """
                {"title":"容量压测信访事项 %s","summary":"反映小区停车位分配不公","channel":"VISIT","origin":"SELF",
                 "category":"URBAN_RURAL_CONSTRUCTION","petitioner":{"name":"王某"}}""".formatted(label));
        Matcher id = BenchGateway.ID.matcher(matter.body());
        if (matter.statusCode() != 201 || !id.find()) {
            return "POST /cases " + matter.statusCode();
        }
        HttpResponse<String> assignment = api.post("/api/v1/cases/" + id.group(1) + "/assignments", supervisor,
                "{\"unitId\":\"" + unitId + "\",\"kind\":\"ASSIGN\"}");
        return assignment.statusCode() == 201 ? null : "POST /assignments " + assignment.statusCode();
    }

    private String unit(String supervisor, String code) throws IOException, InterruptedException {
        return api.create("/api/v1/units", supervisor, """
                {"code":"%s","name":"容量压测街道%s","kind":"SUB_DISTRICT","contacts":[{"name":"联系人","phone":"0571-88000000"}]}"""
                .formatted(code, code));
    }

    /** The three views of one unit's assignments, read through the gateway. */
    private final class Targets {

        private final String supervisor;
        private final String unitId;
        private final String unitToken;

        Targets(String supervisor, String unitId, String unitToken) {
            this.supervisor = supervisor;
            this.unitId = unitId;
            this.unitToken = unitToken;
        }

        Map<String, Long> counts() throws IOException, InterruptedException {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (String view : views()) {
                counts.put(view, count(view));
            }
            return counts;
        }

        List<String> views() {
            return List.of("(a) supervision board  GET /alerts?unitId&kind=ASSIGNMENT",
                    "(b) unit's inbox       GET /inbox",
                    "(c) statistics         GET /statistics?unitId");
        }

        long count(String view) throws IOException, InterruptedException {
            LocalDate today = LocalDate.now(OFFICE);
            String path;
            String token = supervisor;
            Pattern field = TOTAL;
            if (view.startsWith("(a)")) {
                path = "/api/v1/alerts?unitId=" + unitId + "&kind=ASSIGNMENT&size=1";
            } else if (view.startsWith("(b)")) {
                path = "/api/v1/inbox?size=1";
                token = unitToken;
            } else {
                path = "/api/v1/statistics?unitId=" + unitId + "&from=" + today.minusDays(1) + "&to=" + today.plusDays(2);
                field = ISSUED;
            }
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(gateway + path))
                    .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher matcher = field.matcher(response.body());
            if (response.statusCode() != 200 || !matcher.find()) {
                return -1;
            }
            return Long.parseLong(matcher.group(1));
        }

        /** Seconds after {@code since} at which each view counted {@code issued} more than before; NaN: not within the limit. */
        Map<String, Double> awaitCounts(Map<String, Long> before, int issued, long since, int limitSeconds)
                throws IOException, InterruptedException {
            Map<String, Double> caughtUp = new LinkedHashMap<>();
            long limit = since + limitSeconds * 1_000_000_000L;
            long nextReport = System.nanoTime() + 10_000_000_000L;
            Map<String, Long> last = new LinkedHashMap<>();
            while (caughtUp.size() < views().size() && System.nanoTime() < limit) {
                for (String view : views()) {
                    if (caughtUp.containsKey(view)) {
                        continue;
                    }
                    long count = count(view);
                    last.put(view, count - before.get(view));
                    if (count - before.get(view) >= issued) {
                        caughtUp.put(view, (System.nanoTime() - since) / 1e9);
                    }
                }
                if (System.nanoTime() > nextReport) {
                    Bench.log("  %.0f s: counted %s of %d", (System.nanoTime() - since) / 1e9, last.values(), issued);
                    nextReport += 10_000_000_000L;
                }
                Thread.sleep(setting("pollMillis"));
            }
            for (String view : views()) {
                caughtUp.putIfAbsent(view, Double.NaN);
            }
            return caughtUp;
        }
    }

    // ---- the parts' counters, from /actuator/prometheus ----

    /** Each part's counter, sampled every second: intake's relay published, each consumer's listeners handled. */
    private final class Sampler implements Runnable {

        private final List<long[]> samples = new CopyOnWriteArrayList<>(); // [nanoTime, intake, supervision, notification, reporting]
        private final Map<String, Long> marks = new LinkedHashMap<>();
        private volatile boolean running = true;

        @Override
        public void run() {
            while (running) {
                long now = System.nanoTime();
                long[] sample = new long[1 + metrics.size()];
                sample[0] = now;
                int i = 1;
                for (Map.Entry<String, String> part : metrics.entrySet()) {
                    sample[i++] = counter(part.getKey(), part.getValue());
                }
                samples.add(sample);
                try {
                    Thread.sleep(Math.max(0, 1_000 - (System.nanoTime() - now) / 1_000_000));
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void mark(String name, long at) {
            marks.put(name, at);
        }

        void stop() {
            running = false;
        }

        /** Intake's relay published between the two instants (the samples nearest them). */
        long published(long from, long to) {
            return at(to)[1] - at(from)[1];
        }

        private long[] at(long time) {
            long[] best = samples.get(0);
            for (long[] sample : samples) {
                if (Math.abs(sample[0] - time) < Math.abs(best[0] - time)) {
                    best = sample;
                }
            }
            return best;
        }

        /** The first sample at which the part's counter reached its final value: when it stopped moving. */
        private long settled(int index) {
            long finalValue = samples.get(samples.size() - 1)[index];
            for (long[] sample : samples) {
                if (sample[index] >= finalValue) {
                    return sample[0];
                }
            }
            return samples.get(samples.size() - 1)[0];
        }

        void print(long start, long last, long caughtUp) {
            System.out.println();
            System.out.println("Events per second, from each part's /actuator/prometheus (sampled every second): intake: "
                    + "duban_outbox_published_total; consumers: duban_events_handled_total (the events their listeners got through,"
                    + " a poll at a time)");
            System.out.printf(Locale.ROOT, "  %-22s %12s %12s %12s %14s %22s%n", "part", "burst events", "burst ev/s",
                    "after burst", "until settled", "settled s after last call");
            long[] first = at(start);
            long[] lastCall = at(last);
            int i = 1;
            for (String part : metrics.keySet()) {
                long settledAt = settled(i);
                long[] end = samples.get(samples.size() - 1);
                double burst = (lastCall[0] - first[0]) / 1e9;
                double total = (settledAt - first[0]) / 1e9;
                System.out.printf(Locale.ROOT, "  %-22s %12d %12.1f %12d %11.1f/s %22.1f%n", part,
                        lastCall[i] - first[i], (lastCall[i] - first[i]) / burst, end[i] - lastCall[i],
                        (end[i] - first[i]) / Math.max(total, 1e-9), (settledAt - last) / 1e9);
                i++;
            }
            System.out.println("  (per-part counter values every 10 s, from the burst's start:)");
            StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "  %6s", "s"));
            for (String part : metrics.keySet()) {
                header.append(String.format(Locale.ROOT, " %22s", part));
            }
            System.out.println(header);
            long next = first[0];
            for (long[] sample : samples) {
                if (sample[0] < next) {
                    continue;
                }
                StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %6.0f", (sample[0] - first[0]) / 1e9));
                for (int j = 1; j < sample.length; j++) {
                    row.append(String.format(Locale.ROOT, " %22d", sample[j] - first[j]));
                }
                System.out.println(row);
                next += 10_000_000_000L;
            }
        }
    }

    private long counter(String part, String url) {
        // the consumers' listeners are called once per poll: the platform's counter counts their events
        String name = part.startsWith("intake") ? "duban_outbox_published_total" : "duban_events_handled_total";
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/actuator/prometheus"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            double sum = 0;
            for (String line : response.body().split("\n")) {
                if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
                    sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
            return (long) sum;
        } catch (IOException | InterruptedException | RuntimeException e) {
            return -1;
        }
    }

    // ---- raw Kafka on the same broker: the platform's pattern without the platform's work ----

    private void rawKafka(long published) throws Exception {
        String bootstrap = settings.get("kafka");
        int n = (int) Math.max(500, Math.min(published, setting("rawLimit")));
        Properties common = new Properties();
        common.put("bootstrap.servers", bootstrap);
        byte[] value = null;
        List<Header> headers = List.of();
        try (KafkaConsumer<String, byte[]> reader = new KafkaConsumer<>(consumer(common, "bench-capacity-reader"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = reader.partitionsFor("duban.intake.events").stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            reader.assign(partitions);
            Map<TopicPartition, Long> ends = reader.endOffsets(partitions);
            ends.forEach((partition, offset) -> reader.seek(partition, Math.max(0, offset - 50)));
            long until = System.currentTimeMillis() + 10_000;
            while (value == null && System.currentTimeMillis() < until) {
                for (ConsumerRecord<String, byte[]> record : reader.poll(Duration.ofMillis(500))) {
                    Header type = record.headers().lastHeader("ce_type"); // CloudEvents binary mode: attributes in ce_* headers
                    if (type != null && new String(type.value(), StandardCharsets.UTF_8).equals("duban.assignment.issued.v1")) {
                        value = record.value();
                        headers = List.of(record.headers().toArray());
                        break;
                    }
                }
            }
        }
        if (value == null) {
            System.out.println("raw Kafka: no AssignmentIssued record found on duban.intake.events; baseline skipped");
            return;
        }
        String topic = "bench.capacity.raw." + UUID.randomUUID();
        try (Admin admin = Admin.create(common)) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
        }
        long consumedAt;
        long producedAt;
        long start;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producer(common), new StringSerializer(),
                new ByteArraySerializer());
                KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumer(common, "bench-capacity-" + topic),
                        new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long assignedBy = System.currentTimeMillis() + 30_000;
            while (consumer.assignment().isEmpty() && System.currentTimeMillis() < assignedBy) {
                consumer.poll(Duration.ofMillis(100));
            }
            AtomicLong consumed = new AtomicLong();
            long[] done = new long[1];
            Thread reader = started(() -> {
                long until = System.currentTimeMillis() + 300_000;
                while (consumed.get() < n && System.currentTimeMillis() < until) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                        // as the services' listeners (ack-mode record): the offset committed after each record
                        consumer.commitSync(Map.of(new TopicPartition(record.topic(), record.partition()),
                                new org.apache.kafka.clients.consumer.OffsetAndMetadata(record.offset() + 1)));
                        consumed.incrementAndGet();
                    }
                }
                done[0] = System.nanoTime();
            }, false);
            start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, null, UUID.randomUUID().toString(), value, headers);
                producer.send(record).get(); // one at a time, waiting for the acknowledgement, as the relay publishes
            }
            producedAt = System.nanoTime();
            reader.join();
            consumedAt = done[0];
            if (consumed.get() < n) {
                System.out.printf(Locale.ROOT, "raw Kafka: only %d of %d records consumed%n", consumed.get(), n);
            }
        }
        try (Admin admin = Admin.create(common)) {
            admin.deleteTopics(List.of(topic)).all().get();
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "Baseline, same broker, same run: raw Kafka, %d records of %d B with a real AssignmentIssued record's headers,%n"
                + "  produced one at a time waiting for each acknowledgement (the relay's way), consumed by one consumer committing each record (the listeners' way):%n",
                n, value.length);
        System.out.printf(Locale.ROOT, "  produced %.1f records/s; all consumed %.1f records/s (%.1f s)%n",
                n / ((producedAt - start) / 1e9), n / ((consumedAt - start) / 1e9), (consumedAt - start) / 1e9);
    }

    private static Properties producer(Properties common) {
        Properties properties = new Properties();
        properties.putAll(common);
        properties.put("acks", "all");
        properties.put("enable.idempotence", "true");
        properties.put("linger.ms", "0");
        return properties;
    }

    private static Properties consumer(Properties common, String group) {
        Properties properties = new Properties();
        properties.putAll(common);
        properties.put("group.id", group);
        properties.put("enable.auto.commit", "false");
        properties.put("auto.offset.reset", "earliest");
        return properties;
    }

    // ---- plumbing ----

    record Stats(double p50, double p99, double max) {

        static Stats of(List<Long> nanos) {
            if (nanos.isEmpty()) {
                return new Stats(Double.NaN, Double.NaN, Double.NaN);
            }
            List<Long> sorted = new ArrayList<>(nanos);
            Collections.sort(sorted);
            return new Stats(at(sorted, 0.50), at(sorted, 0.99), sorted.get(sorted.size() - 1) / 1e6);
        }

        private static double at(List<Long> sorted, double q) {
            return sorted.get(Math.max(0, (int) Math.ceil(q * sorted.size()) - 1)) / 1e6;
        }
    }

    private static Thread started(Runnable task, boolean daemon) {
        Thread thread = new Thread(task);
        thread.setDaemon(daemon);
        thread.start();
        return thread;
    }
}
