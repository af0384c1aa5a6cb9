import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
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
 * Assignment → signed webhook latency against a running platform, beside raw Kafka on the same broker,
 * and the hop-by-hop budget of a sample of assignments from their trace spans (bench/webhook-latency/run.sh
 * starts the platform and runs this with kafka-clients on the class path).
 *
 * <p>Through the gateway, as a unit and the office would: a supervisor registers a unit and the matters,
 * the unit registers its webhook (this program's receiver, which verifies nothing and records when each
 * request arrives), then the supervisor assigns one matter after another at a fixed rate (open loop:
 * each POST is sent on its schedule whatever the earlier ones are doing). Latency = the receiver's
 * handler is called (the request's head read) − the moment just before the POST was handed to the HTTP
 * client, both on this process's monotonic clock, matched by the matter id in the webhook body.
 *
 * <p>Raw Kafka: the same number of records at the same rate, of the size and with the headers of a real
 * {@code AssignmentIssued} record read back from {@code duban.intake.events}, produced with the
 * platform's producer settings and consumed by an assigned consumer with the client's defaults (as the
 * services' consumers), on the same broker. Latency = consumer's poll returned the record − just before
 * {@code send}. They go after the assignments, on a platform at rest (the targets' baseline); with {@code beside=1}
 * as many go during the assignments too, each half-way between two, printed as a second baseline.
 *
 * <p>Spans: every {@code sampleEvery}-th measured assignment is sent with a sampled W3C {@code traceparent};
 * the platform (started with OTLP export on, pointing here) sends its spans to this program's OTLP/HTTP
 * receiver (protobuf, decoded by hand), and the budget is read from each sampled trace.
 *
 * <pre>
 *   javac -d classes -cp 'kafka-clients and slf4j jars' WebhookLatency.java ../lib/*.java
 *   java -cp 'classes:kafka-clients and slf4j jars' WebhookLatency gateway=http://localhost:8080 kafka=localhost:9092 \
 *       n=200 rate=5 warmup=20 sampleEvery=10 receiverPort=0 otlpPort=4318
 * </pre>
 */
public class WebhookLatency {

    private static final Pattern CASE_ID = Pattern.compile("\"caseId\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern EVENT_TYPE = Pattern.compile("\"type\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern ISSUED_AT = Pattern.compile("\"issuedAt\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern TIMESTAMP = Pattern.compile("\"timestamp\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern CREATED_AT = Pattern.compile("\"createdAt\"\\s*:\\s*\"([^\"]+)\"");
    private static final HttpClient HTTP = BenchGateway.HTTP;
    /** Epoch nanoseconds at nanoTime 0 of this process: turns span times (epoch) into this clock. */
    private static final long EPOCH_OFFSET = epochNanos(Instant.now()) - System.nanoTime();

    private final Map<String, String> settings;
    private final String gateway;
    private final BenchGateway api;
    private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    private final Map<String, Long> arrivedAt = new ConcurrentHashMap<>();
    private final Map<String, String> sampledTrace = new ConcurrentHashMap<>();
    private final Map<String, String> arrivedTrace = new ConcurrentHashMap<>();
    private final Map<String, Long> issuedAt = new ConcurrentHashMap<>();
    private final Map<String, String> arrivedBody = new ConcurrentHashMap<>();
    private final Map<String, List<Span>> spans = new ConcurrentHashMap<>();
    private volatile CountDownLatch arrivals = new CountDownLatch(0);

    WebhookLatency(Map<String, String> settings) {
        this.settings = settings;
        this.gateway = settings.get("gateway");
        this.api = new BenchGateway(gateway);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> defaults = new HashMap<>(Map.of("n", "200", "rate", "5", "warmup", "20", "warmupRate", "0",
                "sampleEvery", "10", "slowest", "5", "receiverPort", "0", "otlpPort", "0", "dumpTraces", "0"));
        defaults.put("dumpSlowest", "0");
        defaults.put("beside", "0");
        Map<String, String> settings = Bench.settings(defaults, args);
        new WebhookLatency(settings).run();
    }

    private int setting(String name) {
        return Integer.parseInt(settings.get(name));
    }

    /** The warm-up's assignments (and raw records) per second: warmupRate, or the rate when it is 0. */
    private double warmupRate() {
        double warmupRate = Double.parseDouble(settings.get("warmupRate"));
        return warmupRate > 0 ? warmupRate : Double.parseDouble(settings.get("rate"));
    }

    void run() throws Exception {
        int n = setting("n");
        int warmup = setting("warmup");
        double rate = Double.parseDouble(settings.get("rate"));
        int otlpPort = setting("otlpPort");
        if (otlpPort > 0) {
            startOtlpReceiver(otlpPort);
        }
        int receiverPort = startWebhookReceiver(setting("receiverPort"));

        // the office and the unit, as any client: through the gateway with dev tokens
        String supervisor = api.token("{\"subject\":\"bench\",\"roles\":[\"SUPERVISOR\"]}");
        String run = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
        String unitId = api.create("/api/v1/units", supervisor, """
                {"code":"WHB-%s","name":"压测街道%s","kind":"SUB_DISTRICT","contacts":[{"name":"联系人","phone":"0571-88000000"}]}"""
                .formatted(run, run));
        String unit = api.token("{\"subject\":\"bench-unit\",\"roles\":[\"UNIT\"],\"unitId\":\"" + unitId + "\"}");
        api.create("/api/v1/webhooks", unit, "{\"url\":\"http://127.0.0.1:" + receiverPort
                + "/webhook\",\"events\":[\"duban.assignment.issued.v1\"]}");
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < warmup + n; i++) {
            cases.add(api.create("/api/v1/cases", supervisor, """
                    {"title":"压测信访事项 %s-%04d","summary":"反映小区停车位分配不公","channel":"VISIT","origin":"SELF",
                     "category":"URBAN_RURAL_CONSTRUCTION","petitioner":{"name":"王某"}}""".formatted(run, i)));
        }
        Bench.log("%d matters registered; unit %s, its webhook at http://127.0.0.1:%d/webhook", cases.size(), unitId,
                receiverPort);
        Thread.sleep(2_000); // let the matters' events settle in every consumer

        assign(supervisor, unitId, cases.subList(0, warmup), warmupRate(), 0, System.nanoTime() + 50_000_000L);
        awaitArrivals(Duration.ofSeconds(60 + warmup / 10));
        sentAt.clear();
        arrivedAt.clear();
        sampledTrace.clear();
        issuedAt.clear();
        arrivedBody.clear();
        Thread.sleep(1_000);
        Bench.log("warm-up done (%d assignments at %s/s); measuring %d at %s/s", warmup, warmupRate(), n,
                settings.get("rate"));
        // raw Kafka beside the assignments: its producer and consumer made and warmed before the idle window
        RawKafka rawKafka = null;
        if (setting("beside") == 1) {
            rawKafka = new RawKafka();
            rawKafka.measure(20, 20, 0, rate, System.nanoTime());
        }
        Map<String, Long> idleBefore = cpuTicks();
        long idleStart = System.nanoTime();
        Thread.sleep(10_000); // nothing asked of the platform: what it burns on its own
        Map<String, Long> idleAfter = cpuTicks();
        double idleSeconds = (System.nanoTime() - idleStart) / 1e9;
        Map<String, Long> cpuBefore = cpuTicks();
        long measuredStart = System.nanoTime();
        long firstAssignment = measuredStart + 50_000_000L;
        CompletableFuture<List<Long>> beside = CompletableFuture.completedFuture(List.of());
        if (rawKafka != null) {
            // one record half-way between two assignments, at their rate
            RawKafka besideThem = rawKafka;
            beside = CompletableFuture.supplyAsync(() -> {
                try {
                    return besideThem.measure(0, rate, n, rate, firstAssignment + (long) (500_000_000L / rate));
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        assign(supervisor, unitId, cases.subList(warmup, warmup + n), rate, setting("sampleEvery"), firstAssignment);
        boolean all = awaitArrivals(Duration.ofSeconds(120));
        Thread.sleep(1_000); // the work behind the webhook (delivery stored, its event published and consumed)
        Map<String, Long> cpuAfter = cpuTicks();
        double measuredSeconds = (System.nanoTime() - measuredStart) / 1e9;
        List<Long> webhook = new ArrayList<>();
        sentAt.forEach((caseId, sent) -> {
            Long arrived = arrivedAt.get(caseId);
            if (arrived != null) {
                webhook.add(arrived - sent);
            }
        });
        if (!all) {
            Bench.log("only %d of %d webhooks arrived within 120 s", webhook.size(), n);
        }

        List<Long> rawBeside = beside.join();
        if (rawKafka == null) {
            rawKafka = new RawKafka();
        }
        List<Long> raw = rawKafka.measure(Math.max(20, warmup), warmupRate(), n, rate,
                System.nanoTime() + 50_000_000L);
        rawKafka.close();

        System.out.println();
        System.out.printf(Locale.ROOT, "%-52s %5s %8s %8s %8s %8s%n", "path (ms)", "n", "p50", "p90", "p99", "max");
        Stats rawStats = Stats.of(raw);
        Stats hookStats = Stats.of(webhook);
        System.out.printf(Locale.ROOT, "%-52s %5d %8.1f %8.1f %8.1f %8.1f%n",
                "raw Kafka produce → consume (" + rawKafka.recordSize() + " B)", raw.size(), rawStats.p50,
                rawStats.p90, rawStats.p99, rawStats.max);
        System.out.printf(Locale.ROOT, "%-52s %5d %8.1f %8.1f %8.1f %8.1f%n",
                "POST assignment sent → signed webhook arrived", webhook.size(), hookStats.p50, hookStats.p90,
                hookStats.p99, hookStats.max);
        System.out.printf(Locale.ROOT, "%-52s %5s %7.1f× %7.1f× %7.1f× %7.1f×%n", "ratio webhook / raw Kafka", "",
                hookStats.p50 / rawStats.p50, hookStats.p90 / rawStats.p90, hookStats.p99 / rawStats.p99,
                hookStats.max / rawStats.max);
        if (!rawBeside.isEmpty()) {
            Stats besideStats = Stats.of(rawBeside);
            System.out.printf(Locale.ROOT, "%-52s %5d %8.1f %8.1f %8.1f %8.1f%n",
                    "raw Kafka beside the assignments (half-way between)", rawBeside.size(), besideStats.p50,
                    besideStats.p90, besideStats.p99, besideStats.max);
            System.out.printf(Locale.ROOT, "%-52s %5s %7.1f× %7.1f× %7.1f× %7.1f×%n",
                    "ratio webhook / raw Kafka beside them", "", hookStats.p50 / besideStats.p50,
                    hookStats.p90 / besideStats.p90, hookStats.p99 / besideStats.p99, hookStats.max / besideStats.max);
        }
        System.out.printf(Locale.ROOT, "targets: p99 ≤ 3× raw p99 (%.1f ms): %s; p50 ≤ 20 ms: %s%n",
                3 * rawStats.p99, hookStats.p99 <= 3 * rawStats.p99 ? "met" : "NOT met",
                hookStats.p50 <= 20 ? "met" : "NOT met");

        printCpu(idleBefore, idleAfter, idleSeconds, cpuBefore, cpuAfter, measuredSeconds, n);

        if (otlpPort > 0) {
            Thread.sleep(Long.parseLong(settings.getOrDefault("spanWaitMillis", "8000")));
            budget(3 * rawStats.p99);
        }
        System.exit(0);
    }

    // ---- the assignments ----

    /** The assignments of {@code cases} at {@code rate} a second, the first at {@code start} (this clock). */
    private void assign(String supervisor, String unitId, List<String> cases, double rate, int sampleEvery, long start)
            throws InterruptedException {
        arrivals = new CountDownLatch(cases.size());
        long interval = (long) (1_000_000_000L / rate);
        for (int i = 0; i < cases.size(); i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            String caseId = cases.get(i);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + "/api/v1/cases/" + caseId + "/assignments"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + supervisor)
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofString("{\"unitId\":\"" + unitId + "\",\"kind\":\"ASSIGN\"}"));
            if (sampleEvery > 0 && i % sampleEvery == sampleEvery / 2) {
                String traceId = hex(16);
                sampledTrace.put(caseId, traceId);
                request.header("traceparent", "00-" + traceId + "-" + hex(8) + "-01");
            }
            HttpRequest built = request.build();
            sentAt.put(caseId, System.nanoTime());
            HTTP.sendAsync(built, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
                if (failure != null || response.statusCode() != 201) {
                    Bench.log("assignment on %s: %s", caseId, failure != null ? failure : response.statusCode() + " " + response.body());
                    return;
                }
                Matcher issued = ISSUED_AT.matcher(response.body());
                if (issued.find()) {
                    issuedAt.put(caseId, toNanoTime(issued.group(1)));
                }
            });
        }
    }

    private boolean awaitArrivals(Duration limit) throws InterruptedException {
        return arrivals.await(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    private int startWebhookReceiver(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        server.createContext("/webhook", exchange -> {
            long now = System.nanoTime();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
            Matcher type = EVENT_TYPE.matcher(body);
            Matcher caseId = CASE_ID.matcher(body);
            if (type.find() && type.group(1).equals("duban.assignment.issued.v1") && caseId.find()
                    && arrivedAt.putIfAbsent(caseId.group(1), now) == null) {
                String traceparent = exchange.getRequestHeaders().getFirst("traceparent");
                if (traceparent != null) {
                    arrivedTrace.put(caseId.group(1), traceparent);
                }
                arrivedBody.put(caseId.group(1), body);
                arrivals.countDown();
            }
        });
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        return server.getAddress().getPort();
    }

    // ---- raw Kafka on the same broker ----

    /**
     * A producer and a consumer on one topic of the platform's broker, sending records of the size and headers of a
     * real AssignmentIssued record read back from duban.intake.events, each carrying the moment just before its send.
     */
    private final class RawKafka implements AutoCloseable {
        private static final String TOPIC = "bench.webhook-latency.raw";
        private final KafkaProducer<String, byte[]> producer;
        private final KafkaConsumer<String, byte[]> consumer;
        private final byte[] sample;
        private final List<Header> headers;
        private final Thread polling;
        private volatile boolean open = true;
        /** The records of the current {@link #measure} not yet received: send moment → index. */
        private final Map<Long, Integer> sequence = new ConcurrentHashMap<>();
        private volatile Round round;

        private record Round(int warmup, List<Long> latencies, CountDownLatch received) {
        }

        RawKafka() throws Exception {
            Properties common = new Properties();
            common.put("bootstrap.servers", settings.get("kafka"));
            byte[] found = null;
            List<Header> foundHeaders = List.of();
            try (KafkaConsumer<String, byte[]> reader = new KafkaConsumer<>(consumerProperties(common),
                    new StringDeserializer(), new ByteArrayDeserializer())) {
                List<TopicPartition> partitions = reader.partitionsFor("duban.intake.events").stream()
                        .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
                reader.assign(partitions);
                reader.seekToBeginning(partitions);
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (found == null && System.nanoTime() < until) {
                    for (ConsumerRecord<String, byte[]> record : reader.poll(Duration.ofMillis(500))) {
                        Header type = record.headers().lastHeader("ce_type");
                        if (type != null && new String(type.value(), StandardCharsets.UTF_8)
                                .equals("duban.assignment.issued.v1")) {
                            found = record.value();
                            foundHeaders = List.of(record.headers().toArray());
                        }
                    }
                }
            }
            if (found == null) {
                throw new IllegalStateException("no AssignmentIssued record found in duban.intake.events");
            }
            sample = found;
            headers = foundHeaders;
            try (Admin admin = Admin.create(common)) {
                if (!admin.listTopics().names().get().contains(TOPIC)) {
                    admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get();
                }
            }
            Properties producerProperties = new Properties();
            producerProperties.putAll(common);
            // the platform's producer settings (duban-platform-defaults.yml)
            producerProperties.put("acks", "all");
            producerProperties.put("enable.idempotence", "true");
            producerProperties.put("max.in.flight.requests.per.connection", "5");
            producerProperties.put("linger.ms", "0");
            producer = new KafkaProducer<>(producerProperties, new StringSerializer(), new ByteArraySerializer());
            consumer = new KafkaConsumer<>(consumerProperties(common), new StringDeserializer(),
                    new ByteArrayDeserializer());
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            polling = new Thread(this::poll, "raw-consumer");
            polling.start();
        }

        private void poll() {
            while (open) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    long now = System.nanoTime();
                    long sent = ByteBuffer.wrap(record.value()).order(ByteOrder.BIG_ENDIAN).getLong();
                    Integer index = sequence.remove(sent);
                    Round current = round;
                    if (index != null && current != null) {
                        if (index >= current.warmup()) {
                            current.latencies().add(now - sent);
                        }
                        current.received().countDown();
                    }
                }
            }
        }

        /**
         * Sends {@code warmup} records at {@code warmupRate} a second from {@code start} on, then {@code n} at
         * {@code rate} (a second after the warm-up, if any): the latencies of those n, once all have arrived (or after
         * a minute).
         */
        List<Long> measure(int warmup, double warmupRate, int n, double rate, long start) throws InterruptedException {
            Round current = new Round(warmup, Collections.synchronizedList(new ArrayList<>()),
                    new CountDownLatch(warmup + n));
            round = current;
            long warmupInterval = (long) (1_000_000_000L / warmupRate);
            long interval = (long) (1_000_000_000L / rate);
            for (int i = 0; i < warmup + n; i++) {
                long due = i < warmup ? start + i * warmupInterval
                        : start + (warmup > 0 ? warmup * warmupInterval + 1_000_000_000L : 0) + (i - warmup) * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                byte[] value = sample.clone();
                long sent = System.nanoTime();
                ByteBuffer.wrap(value).order(ByteOrder.BIG_ENDIAN).putLong(sent);
                sequence.put(sent, i);
                producer.send(new ProducerRecord<>(TOPIC, null, UUID.randomUUID().toString(), value, headers));
            }
            current.received().await(60, TimeUnit.SECONDS);
            return new ArrayList<>(current.latencies());
        }

        /** The bytes of each record's value: those of the AssignmentIssued record it copies. */
        int recordSize() {
            return sample.length;
        }

        @Override
        public void close() throws InterruptedException {
            open = false;
            polling.join(1_000);
            producer.close();
            consumer.close();
        }
    }

    private static Properties consumerProperties(Properties common) {
        Properties properties = new Properties();
        properties.putAll(common);
        // as the services' consumers: client defaults but for these (duban-platform-defaults.yml)
        properties.put("enable.auto.commit", "false");
        properties.put("metadata.max.age.ms", "10000");
        return properties;
    }

    // ---- spans (OTLP/HTTP, protobuf) ----

    /** One span as exported: ids in hex, times in this process's nanoTime. */
    record Span(String service, String traceId, String spanId, String parentId, String name, int kind, long start,
            long end, Map<String, String> attributes) {

        double millis() {
            return (end - start) / 1e6;
        }
    }

    private void startOtlpReceiver(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        server.createContext("/v1/traces", exchange -> {
            try {
                byte[] body = readBody(exchange);
                for (Span span : OtlpTraces.decode(body)) {
                    spans.computeIfAbsent(span.traceId(), id -> Collections.synchronizedList(new ArrayList<>())).add(span);
                }
                exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, -1);
            } catch (RuntimeException e) {
                Bench.log("OTLP request not understood: %s", e);
                exchange.sendResponseHeaders(400, -1);
            }
            exchange.close();
        });
        server.setExecutor(Executors.newSingleThreadExecutor());
        server.start();
    }

    private static byte[] readBody(HttpExchange exchange) throws IOException {
        InputStream in = exchange.getRequestBody();
        if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
            in = new GZIPInputStream(in);
        }
        return in.readAllBytes();
    }

    /** A hand-written reader of the few fields of ExportTraceServiceRequest the budget needs. */
    static final class OtlpTraces {

        static List<Span> decode(byte[] request) {
            List<Span> out = new ArrayList<>();
            for (Field resourceSpans : fields(request)) {
                if (resourceSpans.number != 1) {
                    continue;
                }
                String service = "?";
                List<byte[]> scopeSpans = new ArrayList<>();
                for (Field field : fields(resourceSpans.bytes)) {
                    if (field.number == 1) { // Resource
                        for (Field attribute : fields(field.bytes)) {
                            if (attribute.number == 1) {
                                String[] kv = keyValue(attribute.bytes);
                                if (kv[0].equals("service.name")) {
                                    service = kv[1];
                                }
                            }
                        }
                    } else if (field.number == 2) {
                        scopeSpans.add(field.bytes);
                    }
                }
                for (byte[] scope : scopeSpans) {
                    for (Field span : fields(scope)) {
                        if (span.number == 2) {
                            out.add(span(service, span.bytes));
                        }
                    }
                }
            }
            return out;
        }

        private static Span span(String service, byte[] bytes) {
            String traceId = "";
            String spanId = "";
            String parentId = "";
            String name = "";
            int kind = 0;
            long start = 0;
            long end = 0;
            Map<String, String> attributes = new LinkedHashMap<>();
            for (Field field : fields(bytes)) {
                switch (field.number) {
                    case 1 -> traceId = HexFormat.of().formatHex(field.bytes);
                    case 2 -> spanId = HexFormat.of().formatHex(field.bytes);
                    case 4 -> parentId = HexFormat.of().formatHex(field.bytes);
                    case 5 -> name = new String(field.bytes, StandardCharsets.UTF_8);
                    case 6 -> kind = (int) field.value;
                    case 7 -> start = field.value - EPOCH_OFFSET;
                    case 8 -> end = field.value - EPOCH_OFFSET;
                    case 9 -> {
                        String[] kv = keyValue(field.bytes);
                        attributes.put(kv[0], kv[1]);
                    }
                    default -> {
                    }
                }
            }
            return new Span(service, traceId, spanId, parentId, name, kind, start, end, attributes);
        }

        private static String[] keyValue(byte[] bytes) {
            String key = "";
            String value = "";
            for (Field field : fields(bytes)) {
                if (field.number == 1) {
                    key = new String(field.bytes, StandardCharsets.UTF_8);
                } else if (field.number == 2) {
                    for (Field any : fields(field.bytes)) {
                        value = switch (any.number) {
                            case 1 -> new String(any.bytes, StandardCharsets.UTF_8);
                            case 2, 3 -> Long.toString(any.value);
                            default -> value;
                        };
                    }
                }
            }
            return new String[] {key, value};
        }

        record Field(int number, long value, byte[] bytes) {
        }

        static List<Field> fields(byte[] bytes) {
            List<Field> fields = new ArrayList<>();
            int[] at = {0};
            while (at[0] < bytes.length) {
                long tag = varint(bytes, at);
                int number = (int) (tag >>> 3);
                switch ((int) (tag & 7)) {
                    case 0 -> fields.add(new Field(number, varint(bytes, at), null));
                    case 1 -> {
                        long value = ByteBuffer.wrap(bytes, at[0], 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
                        at[0] += 8;
                        fields.add(new Field(number, value, null));
                    }
                    case 2 -> {
                        int length = (int) varint(bytes, at);
                        byte[] value = new byte[length];
                        System.arraycopy(bytes, at[0], value, 0, length);
                        at[0] += length;
                        fields.add(new Field(number, 0, value));
                    }
                    case 5 -> {
                        long value = ByteBuffer.wrap(bytes, at[0], 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
                        at[0] += 4;
                        fields.add(new Field(number, value, null));
                    }
                    default -> throw new IllegalArgumentException("wire type " + (tag & 7));
                }
            }
            return fields;
        }

        private static long varint(byte[] bytes, int[] at) {
            long result = 0;
            for (int shift = 0; ; shift += 7) {
                byte b = bytes[at[0]++];
                result |= (long) (b & 0x7f) << shift;
                if (b >= 0) {
                    return result;
                }
            }
        }
    }

    // ---- the budget ----

    private static void printTrace(String title, String traceId, String caseId, List<Span> sorted, long sent,
            long arrived) {
        System.out.println();
        System.out.println(title + " " + traceId + " (matter " + caseId + "), ms after the POST was sent at "
                + Instant.ofEpochSecond(0, sent + EPOCH_OFFSET) + ":");
        for (Span span : sorted) {
            System.out.printf(Locale.ROOT, "  %8.2f %8.2f  %-22s %-6s %-60s %s%n", (span.start - sent) / 1e6,
                    span.millis(), span.service, kind(span.kind), span.name, span.attributes);
        }
        System.out.printf(Locale.ROOT, "  %8.2f           webhook arrived%n", (arrived - sent) / 1e6);
    }

    /** @param goal the webhook's p99 the targets allow (3× raw Kafka's p99), ms */
    private void budget(double goal) {
        int dump = setting("dumpTraces");
        Map<String, List<Span>> traced = new LinkedHashMap<>();
        List<Map<String, Double>> hops = new ArrayList<>();
        int complete = 0;
        for (Map.Entry<String, String> sampled : sampledTrace.entrySet()) {
            String caseId = sampled.getKey();
            List<Span> trace = spans.getOrDefault(sampled.getValue(), List.of());
            Long sent = sentAt.get(caseId);
            Long arrived = arrivedAt.get(caseId);
            if (trace.isEmpty() || sent == null || arrived == null) {
                continue;
            }
            List<Span> sorted = new ArrayList<>(trace);
            sorted.sort((a, b) -> Long.compare(a.start, b.start));
            if (dump-- > 0) {
                printTrace("trace", sampled.getValue(), caseId, sorted, sent, arrived);
            }
            traced.put(caseId, sorted);
            Map<String, Double> hop = Hops.of(sorted, sent, arrived, issuedAt.get(caseId),
                    time(TIMESTAMP, arrivedBody.get(caseId)), time(CREATED_AT, arrivedBody.get(caseId)));
            if (hop != null) {
                hops.add(hop);
                complete++;
            }
        }
        // the slowest traced assignments span by span: which command, which hop, held them
        traced.keySet().stream()
                .sorted((a, b) -> Long.compare(arrivedAt.get(b) - sentAt.get(b), arrivedAt.get(a) - sentAt.get(a)))
                .limit(setting("dumpSlowest"))
                .forEach(caseId -> printTrace("one of the slowest, trace", sampledTrace.get(caseId), caseId,
                        traced.get(caseId), sentAt.get(caseId), arrivedAt.get(caseId)));
        System.out.println();
        System.out.printf(Locale.ROOT, "Hop by hop from the spans of %d sampled assignments (of %d sampled), ms:%n",
                complete, sampledTrace.size());
        if (hops.isEmpty()) {
            System.out.println("  no complete trace (is OTLP export on, pointing at this program?)");
            return;
        }
        System.out.printf(Locale.ROOT, "  %-44s %7s %7s %7s %7s   %s%n", "hop", "p50", "p90", "p99", "max",
                "from → to");
        for (Map.Entry<String, String> hop : Hops.NAMES.entrySet()) {
            List<Long> values = new ArrayList<>();
            for (Map<String, Double> one : hops) {
                Double value = one.get(hop.getKey());
                if (value != null) {
                    values.add((long) (value * 1e6));
                }
            }
            if (values.isEmpty()) {
                continue; // the store commands' row without their spans
            }
            printHop(hop.getKey(), Stats.of(values), hop.getValue());
        }
        // what the way takes besides the one hop the baseline measures: the room the goal leaves it
        List<Long> outsideKafka = hops.stream()
                .map(one -> (long) ((one.get(Hops.TOTAL) - one.get(Hops.KAFKA)) * 1e6)).toList();
        printHop("the way without its Kafka hop", Stats.of(outsideKafka), "total less " + Hops.KAFKA);
        long over = outsideKafka.stream().filter(nanos -> nanos / 1e6 > goal).count();
        System.out.printf(Locale.ROOT, "  without its Kafka hop the way alone took longer than the p99 target (%.1f ms)"
                + " in %d of %d (%.1f %%)%n", goal, over, hops.size(), 100.0 * over / hops.size());
        // the tail: where the slowest sampled assignments spent their time, one line each, hops in the order above
        int slowest = Math.min(setting("slowest"), hops.size());
        if (slowest > 0) {
            System.out.printf(Locale.ROOT,
                    "The %d slowest of them, ms per hop in the order above (— where a hop has no span):%n", slowest);
            hops.sort((a, b) -> Double.compare(b.get(Hops.TOTAL), a.get(Hops.TOTAL)));
            for (Map<String, Double> one : hops.subList(0, slowest)) {
                StringBuilder line = new StringBuilder("  ");
                for (String name : Hops.NAMES.keySet()) {
                    Double value = one.get(name);
                    line.append(value == null ? String.format(Locale.ROOT, "%7s", "—")
                            : String.format(Locale.ROOT, "%7.1f", value));
                }
                System.out.println(line);
            }
        }
    }

    private static void printHop(String name, Stats stats, String fromTo) {
        System.out.printf(Locale.ROOT, "  %-44s %7.1f %7.1f %7.1f %7.1f   %s%n", name, stats.p50, stats.p90, stats.p99,
                stats.max, fromTo);
    }

    /**
     * The hops of one assignment's trace: the spans the platform exports, and the times the platform
     * stamps on what it makes (ms precision) where no span starts — the assignment's {@code issuedAt} in
     * the POST answer (the event is recorded then, just before the one write that stores it), the inbox
     * message's {@code createdAt} (made, not yet stored) and the webhook body's {@code timestamp} (the
     * message stored, its channels being scheduled: endpoints read, the delivery made and stored).
     */
    static final class Hops {

        static final Map<String, String> NAMES = new LinkedHashMap<>();
        static final String KAFKA = "Kafka send → consumed";
        static final String TOTAL = "total";

        static {
            NAMES.put("client → gateway", "POST sent → gateway's server span starts");
            NAMES.put("gateway (JWT, route) → intake", "gateway's server span → intake's server span starts");
            NAMES.put("HTTP in (auth, reads, idempotency key)", "intake's server span starts → issuedAt");
            NAMES.put("store + outbox pick-up", "issuedAt → intake's producer span starts");
            NAMES.put(KAFKA, "producer span starts → notification's consumer span starts");
            NAMES.put("consume (processed?, route, render)", "consumer span starts → message createdAt");
            NAMES.put("inbox store", "message createdAt → webhook timestamp (the channels scheduled)");
            NAMES.put("endpoints, delivery store, dispatch pick-up", "webhook timestamp → duban.delivery.attempt starts");
            NAMES.put("dispatch → receiver (read, sign, POST)", "duban.delivery.attempt starts → webhook arrived");
            NAMES.put(TOTAL, "POST sent → webhook arrived");
            NAMES.put("of which store commands", "the store command spans between intake's server span and the attempt "
                    + "(DUBAN_TRACING_STORECOMMANDS=true)");
        }

        static Map<String, Double> of(List<Span> trace, long sent, long arrived, Long issued, Long deliveryMade,
                Long messageMade) {
            Span gateway = first(trace, span -> span.service.equals("gateway") && span.kind == 2);
            Span intake = first(trace, span -> span.service.equals("intake-service") && span.kind == 2);
            Span produce = first(trace, span -> span.service.equals("intake-service") && span.kind == 4);
            Span consume = first(trace, span -> span.service.equals("notification-service") && span.kind == 5
                    && span.name.startsWith("duban.intake.events"));
            Span attempt = first(trace, span -> span.service.equals("notification-service")
                    && span.name.equals("duban.delivery.attempt"));
            if (intake == null || produce == null || consume == null || attempt == null || issued == null
                    || deliveryMade == null || messageMade == null) {
                return null;
            }
            Map<String, Double> hops = new LinkedHashMap<>();
            if (gateway != null) {
                hops.put("client → gateway", ms(gateway.start - sent));
                hops.put("gateway (JWT, route) → intake", ms(intake.start - gateway.start));
            }
            hops.put("HTTP in (auth, reads, idempotency key)", ms(issued - intake.start));
            hops.put("store + outbox pick-up", ms(produce.start - issued));
            hops.put(KAFKA, ms(consume.start - produce.start));
            hops.put("consume (processed?, route, render)", ms(messageMade - consume.start));
            hops.put("inbox store", ms(deliveryMade - messageMade));
            hops.put("endpoints, delivery store, dispatch pick-up", ms(attempt.start - deliveryMade));
            hops.put("dispatch → receiver (read, sign, POST)", ms(arrived - attempt.start));
            hops.put(TOTAL, ms(arrived - sent));
            List<Span> commands = trace.stream().filter(span -> "mongodb".equals(span.attributes.get("db.system.name"))
                    && span.start >= intake.start && span.start < attempt.start).toList();
            if (!commands.isEmpty()) {
                hops.put("of which store commands", ms(commands.stream().mapToLong(span -> span.end - span.start).sum()));
            }
            return hops;
        }

        private static Span first(List<Span> trace, java.util.function.Predicate<Span> test) {
            return trace.stream().filter(test).findFirst().orElse(null);
        }

        private static double ms(long nanos) {
            return nanos / 1e6;
        }
    }

    private static Long time(Pattern field, String json) {
        if (json == null) {
            return null;
        }
        Matcher matcher = field.matcher(json);
        return matcher.find() ? toNanoTime(matcher.group(1)) : null;
    }

    /** An ISO instant another process stamped, on this process's nanoTime clock (same system clock). */
    private static long toNanoTime(String instant) {
        return epochNanos(Instant.parse(instant)) - EPOCH_OFFSET;
    }

    private static String kind(int kind) {
        return switch (kind) {
            case 1 -> "intern";
            case 2 -> "server";
            case 3 -> "client";
            case 4 -> "produc";
            case 5 -> "consum";
            default -> "?";
        };
    }

    // ---- CPU per assignment, from /proc ----

    /** The part's resident set now, from /proc/PID/status ("?" when it is not running). */
    private String rssMegabytes(String part) {
        try {
            java.nio.file.Path pidFile = java.nio.file.Path.of(settings.get("runDir"), part + ".pid");
            String pid = java.nio.file.Files.readString(pidFile).trim();
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc", pid, "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.toString(Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not running
        }
        return "?";
    }

    /** Each part's user + system CPU so far, in clock ticks, by the pid files of ./duban's run directory. */
    private Map<String, Long> cpuTicks() {
        Map<String, Long> ticks = new java.util.TreeMap<>();
        String runDir = settings.get("runDir");
        if (runDir == null) {
            return ticks;
        }
        java.io.File[] pids = new java.io.File(runDir).listFiles((dir, name) -> name.endsWith(".pid"));
        for (java.io.File pidFile : pids == null ? new java.io.File[0] : pids) {
            try {
                String pid = java.nio.file.Files.readString(pidFile.toPath()).trim();
                String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", pid, "stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                // fields after the command: state is 0, so utime (14th of the line) is 11, stime 12
                ticks.put(pidFile.getName().replace(".pid", ""), Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
            } catch (IOException | RuntimeException e) {
                // a part that is not running: not counted
            }
        }
        return ticks;
    }

    private void printCpu(Map<String, Long> idleBefore, Map<String, Long> idleAfter, double idleSeconds,
            Map<String, Long> before, Map<String, Long> after, double seconds, int n) {
        if (after.isEmpty()) {
            return;
        }
        double tickMillis = 1000.0 / Integer.parseInt(settings.getOrDefault("clockTicks", "100"));
        System.out.println();
        System.out.printf(Locale.ROOT, "CPU (user + system, ms) — idle: per second over %.0f s before measuring; "
                + "per assignment: over the measured run and 1 s after (%.0f s), less idle%n", idleSeconds, seconds);
        System.out.printf(Locale.ROOT, "  %-22s %10s %16s %10s%n", "part", "idle ms/s", "ms/assignment", "RSS MB");
        double idleTotal = 0;
        double total = 0;
        for (Map.Entry<String, Long> part : after.entrySet()) {
            Long was = before.get(part.getKey());
            Long idleWas = idleBefore.get(part.getKey());
            Long idleIs = idleAfter.get(part.getKey());
            if (was == null || idleWas == null || idleIs == null) {
                continue;
            }
            double idle = (idleIs - idleWas) * tickMillis / idleSeconds;
            double perAssignment = ((part.getValue() - was) * tickMillis - idle * seconds) / n;
            idleTotal += idle;
            total += perAssignment;
            System.out.printf(Locale.ROOT, "  %-22s %10.1f %16.1f %10s%n", part.getKey(), idle, perAssignment,
                    rssMegabytes(part.getKey()));
        }
        System.out.printf(Locale.ROOT, "  %-22s %10.1f %16.1f%n", "all", idleTotal, total);
    }

    // ---- plumbing ----

    record Stats(double p50, double p90, double p99, double max) {

        static Stats of(List<Long> nanos) {
            if (nanos.isEmpty()) {
                return new Stats(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            }
            List<Long> sorted = new ArrayList<>(nanos);
            Collections.sort(sorted);
            Function<Double, Double> at = q -> sorted.get(Math.max(0, (int) Math.ceil(q * sorted.size()) - 1)) / 1e6;
            return new Stats(at.apply(0.50), at.apply(0.90), at.apply(0.99), sorted.get(sorted.size() - 1) / 1e6);
        }
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    private static long epochNanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
