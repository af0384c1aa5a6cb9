import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Each consumer's rate of intake's events with few and with many matters already stored (issue #18), against a
 * running platform (bench/consumer-scaling/run.sh starts it and runs this with kafka-clients on the class path).
 *
 * <p>Through the gateway a supervisor registers {@code units} units, then one matter's whole life: registered, assigned
 * to the first unit, accepted by the unit, its final report submitted and approved by the office (the assignment is
 * concluded). The records intake's relay published for that matter on {@code duban.intake.events} (registered, issued,
 * accepted, final report submitted, reviewed, concluded, whatever else comes with them) are the template. A synthetic
 * matter is that template with every instant in bodies and headers (the CloudEvents time too) moved back by the same
 * whole number of days, so that deadlines keep their distance from the issue time; with every UUID replaced by a
 * fresh one of its kind, made as the platform makes it at the moved-back instant (see {@link #freshLike}): the
 * matter's, the assignment's, the record key's (the matter id) and the event ids are time-ordered (version 7) at the
 * instant the template's id carries (the matter's registration, the assignment's issue, each event's time) moved back
 * by the same days; but the unit's, which becomes one of the registered units (round robin); and with its category
 * one of the ten codes (at random, fixed seed). Bodies and headers are otherwise byte for byte what the relay
 * publishes. A district office's stored matters look like that: years of them, over its units and categories, nearly
 * all concluded, stored in the order they happened.
 *
 * <p>Days back: the filler's matters go from {@code days} back to today over the filler's run, oldest first (matter
 * <i>k</i> of <i>n</i>: {@code days - (days + 1) * k / n}), as years of use fill a store, so its indexes (keyed by
 * time-ordered ids) have the shape years of use give them: the old matters on the first pages, today's on the last.
 * Both windows' matters are today's (0 days back): the events an office handles today are of its current matters. A
 * filler cut at {@code maxMinutes} stops short of today: the last window's matters then follow a gap. The consumers
 * are the services' own listeners, as ./duban runs them; their progress is their consumer group's committed offset.
 *
 * <p>Measured windows: {@code window} matters produced at once onto an idle platform, timed from the first send
 * until each consumer group has committed all of them; first with the stores nearly empty, then after
 * {@code matters} have been consumed (the filler between is produced in chunks that keep a lead of at most
 * {@code lead} matters over the slowest consumer). Baseline after each window: a consumer of our own, committing
 * each record as the listeners do, reads the window's records again from the same broker.
 */
public class ConsumerScaling {

    /** A UUID (group 1), or an instant's date (group 2) followed by its time and offset. */
    private static final Pattern UUID_OR_INSTANT = Pattern.compile(
            "([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})"
                    + "|(\\d{4}-\\d{2}-\\d{2})(?=T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?(?:Z|[+-]\\d{2}:\\d{2}))");
    private static final String TEMPLATE_CATEGORY = "URBAN_RURAL_CONSTRUCTION";
    private static final List<String> CATEGORIES = List.of("LABOR_SOCIAL_SECURITY", "REAL_ESTATE", "LAND_ACQUISITION",
            "URBAN_RURAL_CONSTRUCTION", "AGRICULTURE_RURAL", "ECOLOGY_ENVIRONMENT", "EDUCATION", "HEALTH",
            "PUBLIC_SECURITY_JUSTICE", "OTHER");
    private static final ZoneId OFFICE = ZoneId.of("Asia/Shanghai");
    private static final String TOPIC = "duban.intake.events";
    private static final List<String> GROUPS = List.of("supervision-service", "notification-service", "reporting-service");

    private final Map<String, String> settings;
    private final String gateway;
    private final BenchGateway api;
    private final Properties common = new Properties();
    private Admin admin;
    private KafkaProducer<String, byte[]> producer;
    private List<ConsumerRecord<String, byte[]>> template;
    private final List<String> unitIds = new ArrayList<>(); // the first one is the template's
    private final Random random = new Random(18); // the same mix in every run
    private String supervisor;
    private long produced; // matters produced so far

    ConsumerScaling(Map<String, String> settings) {
        this.settings = settings;
        this.gateway = settings.get("gateway");
        this.api = new BenchGateway(gateway);
        common.put("bootstrap.servers", settings.get("kafka"));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> settings = Bench.settings(Map.of("matters", "101000", "window", "500",
                "lead", "2000", "maxMinutes", "60", "units", "60", "days", "1100"), args);
        new ConsumerScaling(settings).run();
        System.exit(0);
    }

    private int setting(String name) {
        return Integer.parseInt(settings.get(name));
    }

    void run() throws Exception {
        int matters = setting("matters");
        int window = setting("window");
        long deadline = System.nanoTime() + setting("maxMinutes") * 60_000_000_000L;
        admin = Admin.create(common);
        Properties producerProperties = new Properties();
        producerProperties.putAll(common);
        producerProperties.put("acks", "all");
        producerProperties.put("enable.idempotence", "true");
        producer = new KafkaProducer<>(producerProperties, new StringSerializer(), new ByteArraySerializer());

        readTemplate();
        awaitIdle(Duration.ofMinutes(5));
        long stored = storedAtStart();
        Bench.log("template: %d records per matter (%s), %d B in all; synthetic matters over %d units, %d categories, %d days; "
                + "each group has consumed the topic; measuring", template.size(), types(),
                template.stream().mapToInt(r -> r.value().length).sum(), unitIds.size(), CATEGORIES.size(), setting("days"));

        Window first = measureWindow(window);
        Bench.log("first window (%d matters stored before it): %s events/s; baseline %.1f records/s", stored, rounded(first.rates()),
                first.baseline);

        // the filler: up to `matters` in all, a bounded lead over the slowest consumer
        long fillTo = matters - window;
        long lastReport = System.nanoTime();
        long fillStart = System.nanoTime();
        long fillStartProduced = produced;
        long slowestAtLastReport = produced;
        double recentRate = Double.NaN; // matters/s of the slowest consumer over the last report's interval
        boolean cut = false;
        while (produced < fillTo) {
            if (System.nanoTime() > deadline) {
                cut = true;
                break;
            }
            long slowest = slowestMattersDone();
            long lead = produced - slowest;
            if (lead < setting("lead")) {
                long fillerMatters = fillTo - fillStartProduced;
                produce((int) Math.min(setting("lead") / 2, fillTo - produced),
                        k -> fillerDaysBack(k - fillStartProduced, fillerMatters));
            } else {
                Thread.sleep(200);
            }
            long now = System.nanoTime();
            if (now - lastReport > 30_000_000_000L) {
                // the recent rate, not the average since the start: the consumers slow down as the stores grow
                recentRate = (slowest - slowestAtLastReport) / ((now - lastReport) / 1e9);
                lastReport = now;
                slowestAtLastReport = slowest;
                Bench.log("  %d matters produced, the slowest consumer at %d (%.1f matters/s over the last 30 s; %.0f min to go at that rate)",
                        produced, slowest, recentRate, (fillTo - slowest) / Math.max(recentRate, 1e-9) / 60);
            }
        }
        if (cut) {
            Bench.log("maxMinutes (%s) reached at %d matters produced: the last window is measured with what is stored now",
                    settings.get("maxMinutes"), produced);
        }
        long filled = produced - fillStartProduced;
        awaitIdle(Duration.ofMinutes(30));
        double fillSeconds = (System.nanoTime() - fillStart) / 1e9; // produced and consumed by every group
        long storedBeforeLast = stored + produced;
        Window last = measureWindow(window);

        System.out.println();
        System.out.printf(Locale.ROOT, "%d matters of %d records each (%s), produced as intake's relay publishes them, over %d units, %d categories and %d days (the filler's oldest first, ids time-ordered at their moved-back instants); each window: %d of today's matters at once onto an idle platform%n",
                produced, template.size(), types(), unitIds.size(), CATEGORIES.size(), setting("days"), window);
        System.out.printf(Locale.ROOT, "events/s handled by each consumer (its group's committed offsets on %s), from the window's first send until it committed all%n", TOPIC);
        System.out.printf(Locale.ROOT, "  %-24s %18s %18s %10s%n", "", "matters stored", "", "");
        System.out.printf(Locale.ROOT, "  %-24s %18d %18d %10s%n", "consumer", stored, storedBeforeLast, "ratio");
        for (String group : GROUPS) {
            double a = first.rates.get(group);
            double b = last.rates.get(group);
            System.out.printf(Locale.ROOT, "  %-24s %14.1f ev/s %14.1f ev/s %9.2f×  %s%n", group, a, b, b / a,
                    b / a >= 0.8 ? "(goal ≥ 0.8×: met)" : "(goal ≥ 0.8×: NOT met)");
        }
        System.out.printf(Locale.ROOT, "  %-24s %14.1f ev/s %14.1f ev/s %9.2f×%n", "baseline: raw consumer", first.baseline,
                last.baseline, last.baseline / first.baseline);
        System.out.printf(Locale.ROOT, "  (a ratio far from 1 in the baseline too is the machine's noise between the two windows: compare each consumer's ratio with it)%n");
        System.out.printf(Locale.ROOT, "  (baseline: a consumer of our own on the same broker, committing each record as the listeners do, reading the window's %d records again)%n",
                window * template.size());
        System.out.printf(Locale.ROOT, "filler: %d matters (%d events) consumed by every group in %.0f s, %.1f events/s for the slowest consumer%n",
                filled, filled * template.size(), fillSeconds, filled * template.size() / fillSeconds);
        if (cut) {
            // at least: the consumers slow down further as the stores grow
            double rate = Double.isNaN(recentRate) ? filled / fillSeconds : recentRate;
            System.out.printf(Locale.ROOT, "NOTE: cut at maxMinutes; %d matters asked for: at the slowest consumer's last rate (%.1f matters/s) that would have taken at least %.0f min more%n",
                    matters, rate, (fillTo - produced) / Math.max(rate, 1e-9) / 60);
        }
        checkConcluded(stored + produced);
        producer.close();
        admin.close();
    }

    /** What the filler left behind: supervision's board holds no open assignment of it; reporting counts them all. */
    private void checkConcluded(long matters) throws Exception {
        HttpResponse<String> board = api.get("/api/v1/alerts?kind=ASSIGNMENT&size=1", supervisor);
        Matcher counts = Pattern.compile("\"counts\"\\s*:\\s*(\\{[^}]*\\})").matcher(board.body());
        System.out.printf(Locale.ROOT, "supervision's board (assignments): %d %s (0 of 0 expected: every synthetic assignment is concluded)%n",
                board.statusCode(), counts.find() ? counts.group(1) : board.body());
        // the statistics answer periods of at most 366 days: the synthetic matters' days, a year at a time
        LocalDate today = LocalDate.now(OFFICE);
        LocalDate to = today.plusDays(2);
        long issued = 0;
        long concluded = 0;
        long concludedOnTime = 0;
        List<String> answers = new ArrayList<>();
        for (LocalDate from = today.minusDays(setting("days") + 2L); from.isBefore(to); from = from.plusDays(366)) {
            LocalDate until = from.plusDays(366).isBefore(to) ? from.plusDays(366) : to;
            HttpResponse<String> statistics = api.get("/api/v1/statistics?from=" + from + "&to=" + until, supervisor);
            if (statistics.statusCode() != 200) {
                throw new IllegalStateException("statistics " + from + "/" + until + ": " + statistics.statusCode() + " " + statistics.body());
            }
            issued += count(statistics.body(), "assignmentsIssued");
            // on-time completion: assignments concluded on time ÷ assignments concluded, in the period
            String onTime = statistics.body().substring(Math.max(0, statistics.body().indexOf("\"onTimeCompletion\"")));
            concluded += count(onTime, "denominator");
            concludedOnTime += count(onTime, "numerator");
            answers.add(statistics.body());
        }
        System.out.printf(Locale.ROOT, "reporting's statistics (%s to %s, a year at a time): assignmentsIssued %d, concluded %d, of them on time %d (%d of each expected)%n",
                today.minusDays(setting("days") + 2L), to, issued, concluded, concludedOnTime, matters);
        if (settings.containsKey("dumpChecks")) {
            System.out.println(board.body());
            answers.forEach(System.out::println);
        }
    }

    private static long count(String json, String field) {
        Matcher count = Pattern.compile("\"" + field + "\"\\s*:\\s*(\\d+)").matcher(json);
        return count.find() ? Long.parseLong(count.group(1)) : -1;
    }

    record Window(Map<String, Double> rates, double baseline) {
    }

    private Window measureWindow(int window) throws Exception {
        Map<String, Long> before = groupOffsets();
        Map<TopicPartition, Long> from = endOffsets();
        long start = System.nanoTime();
        produce(window, k -> 0);
        producer.flush();
        long events = (long) window * template.size();
        Map<String, Double> rates = new LinkedHashMap<>();
        long limit = System.nanoTime() + 3_600_000_000_000L;
        while (rates.size() < GROUPS.size() && System.nanoTime() < limit) {
            Map<String, Long> now = groupOffsets();
            for (String group : GROUPS) {
                if (!rates.containsKey(group) && now.get(group) - before.get(group) >= events) {
                    rates.put(group, events / ((System.nanoTime() - start) / 1e9));
                }
            }
            Thread.sleep(100);
        }
        for (String group : GROUPS) {
            rates.putIfAbsent(group, Double.NaN);
        }
        return new Window(rates, rawConsume(from, events));
    }

    /**
     * How many days before today the filler's matter {@code k} (of {@code n}) happened: from {@code days} for the
     * first down to 0 for the last, so the filler stores years of matters oldest first.
     */
    private int fillerDaysBack(long k, long n) {
        int days = setting("days");
        return (int) Math.max(0, days - (days + 1L) * k / Math.max(n, 1));
    }

    /**
     * Sends {@code count} synthetic matters, pipelined, and waits until the broker has them all; matter {@code k} (the
     * count of matters produced before it) happened {@code daysBack.applyAsInt(k)} days before the template.
     */
    private void produce(int count, LongToIntFunction daysBack) {
        for (int i = 0; i < count; i++) {
            Matter matter = new Matter(unitIds.get((int) (produced % unitIds.size())),
                    CATEGORIES.get(random.nextInt(CATEGORIES.size())), daysBack.applyAsInt(produced), new HashMap<>());
            for (ConsumerRecord<String, byte[]> record : template) {
                String key = record.key() == null ? null : matter.rewrite(record.key());
                byte[] value = matter.rewrite(new String(record.value(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                List<Header> headers = new ArrayList<>();
                for (Header header : record.headers()) {
                    headers.add(new RecordHeader(header.key(), header.value() == null ? null
                            : matter.rewrite(new String(header.value(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8)));
                }
                producer.send(new ProducerRecord<>(TOPIC, null, key, value, headers), (metadata, failure) -> {
                    if (failure != null) {
                        Bench.log("send failed: %s", failure);
                    }
                });
            }
            produced++;
        }
        producer.flush(); // the topic's end offsets count them: the lead over the consumers is measured from there
    }

    /**
     * A fresh UUID made as the platform makes the one it stands for, {@code daysBack} days earlier. The platform's
     * object and event ids are time-ordered (version 7, org.duban.platform.domain.Ids, not on this program's class
     * path: the millisecond they were made in, then 74 random bits), so a version 7 one becomes a version 7 one with
     * the template's millisecond moved back by {@code daysBack} days (the matter's registration, the assignment's
     * issue, an event's time: moved back as the instants in the bodies are) and fresh random bits. Any other (a
     * template made by a platform of before 2026-12-05, whose object ids were random) becomes a random one.
     */
    static String freshLike(String template, int daysBack) {
        UUID id = UUID.fromString(template);
        if (id.version() != 7) {
            return UUID.randomUUID().toString();
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long millis = (id.getMostSignificantBits() >>> 16) - daysBack * 86_400_000L;
        long high = (millis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | random.nextLong() & 0x0FFFL;
        long low = random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
        return new UUID(high, low).toString();
    }

    /**
     * One synthetic matter: its unit, its category, how many days before the template it happened, and the fresh UUID
     * that stands for each of the template's (the same one for the same UUID throughout the matter's records).
     */
    private final class Matter {
        private final String unitId;
        private final String category;
        private final int daysBack;
        private final Map<String, String> fresh;

        Matter(String unitId, String category, int daysBack, Map<String, String> fresh) {
            this.unitId = unitId;
            this.category = category;
            this.daysBack = daysBack;
            this.fresh = fresh;
        }

        /** The template's unit becomes this matter's, its category this one's, every other UUID a fresh one, every instant's date moves back. */
        String rewrite(String text) {
            String categorised = text.replace('"' + TEMPLATE_CATEGORY + '"', '"' + category + '"');
            Matcher matcher = UUID_OR_INSTANT.matcher(categorised);
            StringBuilder out = new StringBuilder(categorised.length());
            while (matcher.find()) {
                String replacement;
                if (matcher.group(1) != null) {
                    String id = matcher.group(1);
                    replacement = id.equals(unitIds.get(0)) ? unitId : fresh.computeIfAbsent(id, template -> freshLike(template, daysBack));
                } else {
                    // whole days on a UTC (or fixed-offset) instant: the time of day and every distance between instants stay
                    replacement = daysBack == 0 ? matcher.group(2) : LocalDate.parse(matcher.group(2)).minusDays(daysBack).toString();
                }
                matcher.appendReplacement(out, replacement);
            }
            matcher.appendTail(out);
            return out.toString();
        }
    }

    // ---- the template: what intake published for one real matter's whole life ----

    private void readTemplate() throws Exception {
        supervisor = api.token("{\"subject\":\"bench\",\"roles\":[\"SUPERVISOR\"]}");
        String run = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
        for (int i = 0; i < setting("units"); i++) {
            unitIds.add(api.create("/api/v1/units", supervisor, """
                    {"code":"CSC-%s-%d","name":"消费压测街道%s-%d","kind":"SUB_DISTRICT","contacts":[{"name":"联系人","phone":"0571-88000000"}]}"""
                    .formatted(run, i, run, i)));
        }
        Map<TopicPartition, Long> from = endOffsets();
        String caseId = api.create("/api/v1/cases", supervisor, """
                {"title":"消费压测信访事项 %s","summary":"反映小区停车位分配不公","channel":"VISIT","origin":"SELF",
                 "category":"%s","petitioner":{"name":"王某"}}""".formatted(run, TEMPLATE_CATEGORY));
        String assignment = api.create("/api/v1/cases/" + caseId + "/assignments", supervisor,
                "{\"unitId\":\"" + unitIds.get(0) + "\",\"kind\":\"ASSIGN\"}");
        String unit = api.token("{\"subject\":\"bench.unit\",\"roles\":[\"UNIT\"],\"unitId\":\"" + unitIds.get(0) + "\"}");
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        expectSuccess("/api/v1/assignments/" + assignment + "/accept", unit, "{\"noticeSentAt\":\"" + now + "\"}");
        expectSuccess("/api/v1/assignments/" + assignment + "/final-report", unit, """
                {"outcome":"SOLVED","resolved":true,"summary":"已协调物业重新公示车位分配方案","repliedAt":"%s"}""".formatted(now));
        expectSuccess("/api/v1/assignments/" + assignment + "/review", supervisor, "{\"decision\":\"APPROVE\"}");
        Thread.sleep(3_000); // the relay publishes them all; anything else they cause follows
        template = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> reader = new KafkaConsumer<>(consumerProperties("bench-consumer-scaling-template"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            reader.assign(from.keySet());
            from.forEach(reader::seek);
            long until = System.currentTimeMillis() + 30_000;
            while (System.currentTimeMillis() < until && !template.stream().anyMatch(r -> r.headers().lastHeader("ce_type") != null
                    && new String(r.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8).equals("duban.assignment.concluded.v1"))) {
                for (ConsumerRecord<String, byte[]> record : reader.poll(Duration.ofMillis(500))) {
                    String text = new String(record.value(), StandardCharsets.UTF_8);
                    if (text.contains(caseId)) {
                        template.add(record);
                    }
                }
            }
        }
        // one key, one partition: the offsets are the order intake published them in
        template.sort((a, b) -> a.partition() != b.partition() ? Long.compare(a.timestamp(), b.timestamp())
                : Long.compare(a.offset(), b.offset()));
        if (template.isEmpty()) {
            throw new IllegalStateException("no record of matter " + caseId + " on " + TOPIC + " within 30 s");
        }
        if (settings.containsKey("dumpTemplate")) {
            for (ConsumerRecord<String, byte[]> record : template) {
                System.out.println("key " + record.key() + " partition " + record.partition());
                record.headers().forEach(h -> System.out.println("  header " + h.key() + ": "
                        + (h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8))));
                System.out.println("  " + new String(record.value(), StandardCharsets.UTF_8));
            }
        }
    }

    private void expectSuccess(String path, String token, String json) throws Exception {
        HttpResponse<String> response = api.post(path, token, json);
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("POST " + path + ": " + response.statusCode() + " " + response.body());
        }
    }

    private String types() {
        List<String> types = new ArrayList<>();
        Pattern type = Pattern.compile("\"type\"\\s*:\\s*\"(duban\\.[^\"]+)\"");
        for (ConsumerRecord<String, byte[]> record : template) {
            Header header = record.headers().lastHeader("ce_type");
            Matcher matcher = type.matcher(new String(record.value(), StandardCharsets.UTF_8));
            types.add(header != null ? new String(header.value(), StandardCharsets.UTF_8) : matcher.find() ? matcher.group(1) : "?");
        }
        return String.join(" + ", types);
    }

    // ---- progress: the groups' committed offsets ----

    private Map<TopicPartition, Long> endOffsets() throws Exception {
        List<TopicPartition> partitions = admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC)
                .partitions().stream().map(p -> new TopicPartition(TOPIC, p.partition())).toList();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest).all().get().forEach((p, info) -> ends.put(p, info.offset()));
        return ends;
    }

    /** Each group's committed offsets on the topic, summed over its partitions. */
    private Map<String, Long> groupOffsets() throws Exception {
        Map<String, Long> sums = new LinkedHashMap<>();
        for (String group : GROUPS) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            long sum = 0;
            for (Map.Entry<TopicPartition, OffsetAndMetadata> offset : offsets.entrySet()) {
                if (offset.getKey().topic().equals(TOPIC) && offset.getValue() != null) {
                    sum += offset.getValue().offset();
                }
            }
            sums.put(group, sum);
        }
        return sums;
    }

    private long topicEnd() throws Exception {
        return endOffsets().values().stream().mapToLong(Long::longValue).sum();
    }

    /** Matters the slowest group has consumed since the first window began (records behind the end / per matter). */
    private long slowestMattersDone() throws Exception {
        long end = topicEnd();
        long behind = 0;
        for (long committed : groupOffsets().values()) {
            behind = Math.max(behind, end - committed);
        }
        return produced - (behind + template.size() - 1) / template.size();
    }

    private long storedAtStart() {
        return 1; // the template's matter (and the units); run.sh starts on an empty data directory (FRESH=1)
    }

    private void awaitIdle(Duration limit) throws Exception {
        long until = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < until) {
            long end = topicEnd();
            boolean idle = true;
            for (long committed : groupOffsets().values()) {
                idle &= committed >= end;
            }
            if (idle) {
                Thread.sleep(1_000); // whatever the last events caused settles
                return;
            }
            Thread.sleep(200);
        }
        Bench.log("the consumers did not catch up within %s: %s of %d", limit, groupOffsets(), topicEnd());
    }

    // ---- the baseline: a consumer of our own reading the same records ----

    private double rawConsume(Map<TopicPartition, Long> from, long events) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerProperties("bench-consumer-scaling-raw-" + UUID.randomUUID()),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(from.keySet());
            from.forEach(consumer::seek);
            long start = System.nanoTime();
            long consumed = 0;
            long until = System.currentTimeMillis() + 120_000;
            while (consumed < events && System.currentTimeMillis() < until) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    consumer.commitSync(Map.of(new TopicPartition(record.topic(), record.partition()),
                            new OffsetAndMetadata(record.offset() + 1)));
                    consumed++;
                }
            }
            return consumed / ((System.nanoTime() - start) / 1e9);
        }
    }

    private Properties consumerProperties(String group) {
        Properties properties = new Properties();
        properties.putAll(common);
        properties.put("group.id", group);
        properties.put("enable.auto.commit", "false");
        properties.put("auto.offset.reset", "earliest");
        return properties;
    }

    // ---- plumbing ----

    private static Map<String, String> rounded(Map<String, Double> rates) {
        Map<String, String> out = new LinkedHashMap<>();
        rates.forEach((k, v) -> out.put(k, String.format(Locale.ROOT, "%.1f", v)));
        return out;
    }
}
