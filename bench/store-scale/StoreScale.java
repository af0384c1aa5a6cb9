import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;

/**
 * The local store as data grows, without the platform (issue #18), run by bench/store-scale/run.sh: the store
 * commands the three consumers (supervision, notification, reporting) send for the events of a matter, sent by
 * three threads at once — each a consumer taking POLL matters (6 events each) per poll: a read of its
 * processed_events by {@code _id $in}, its own reads by {@code _id $in}, one bulk write per collection, an insert of
 * the poll's processed events — with the documents, keys and indexes they have (counted from the consumer bench:
 * per matter 18 processed_events, 6 timeline entries, 3 inbox messages, a tracked assignment, reporting's matter and
 * assignment, a daily_figures document per day, unit and category). A window of WINDOW of today's matters with the
 * store nearly empty, then a filler up to MATTERS (oldest first, from DAYS back to today, as years of use fill a
 * store; cut after MAX_MINUTES), then a window again: the store's CPU per matter (its process, /proc) and its own counters
 * ({@code dubanStats}).
 *
 * <pre>
 *   java StoreScale.java PORT STORE_PID MATTERS WINDOW POLL DAYS REPORT_EVERY MAX_MINUTES
 * </pre>
 */
public class StoreScale {

    private static final int UNITS = 60;
    private static final int CATEGORIES = 10;
    private static final String TEXT = "关于某街道老旧小区加装电梯补贴发放不及时问题的信访事项，群众反映多次未果。";

    private final MongoDatabase supervision;
    private final MongoDatabase notification;
    private final MongoDatabase reporting;
    private final MongoDatabase admin;
    private final Path storeStat;

    StoreScale(MongoClient client, Path storeStat) {
        this.supervision = client.getDatabase("supervision");
        this.notification = client.getDatabase("notification");
        this.reporting = client.getDatabase("reporting");
        this.admin = client.getDatabase("admin");
        this.storeStat = storeStat;
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path stat = Path.of("/proc", args[1], "stat");
        int matters = Integer.parseInt(args[2]);
        int window = Integer.parseInt(args[3]);
        int poll = Integer.parseInt(args[4]);
        int days = Integer.parseInt(args[5]);
        int reportEvery = Integer.parseInt(args[6]);
        long maxNanos = TimeUnit.MINUTES.toNanos(Integer.parseInt(args[7]));
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            StoreScale bench = new StoreScale(client, stat);
            bench.createIndexes();
            System.out.println(header());
            Result first = bench.run("window, nearly empty", 0, window, poll, i -> 0, window);
            int fill = matters - 2 * window;
            long began = System.nanoTime();
            int stored = window;
            for (int done = 0; done < fill && System.nanoTime() - began < maxNanos; done += reportEvery) {
                int from = window + done;
                int n = Math.min(reportEvery, fill - done);
                bench.run("filler", from, n, poll, i -> days - (int) ((long) (days + 1) * (i - window) / fill), from + n);
                stored = from + n;
            }
            System.out.printf("filler: %d matters in %.0f s%n", stored - window, (System.nanoTime() - began) / 1e9);
            Result last = bench.run("window, full", stored, window, poll, i -> 0, stored + window);
            System.out.printf("RATIO store CPU per matter %.3f -> %.3f ms (%.2fx); matters/s %.1f -> %.1f (%.2fx)%n",
                    first.cpuMsPerMatter, last.cpuMsPerMatter, last.cpuMsPerMatter / first.cpuMsPerMatter,
                    first.mattersPerSecond, last.mattersPerSecond, last.mattersPerSecond / first.mattersPerSecond);
        }
    }

    interface DaysBack {
        int of(int matter);
    }

    record Result(double cpuMsPerMatter, double mattersPerSecond) {
    }

    private void createIndexes() {
        for (MongoDatabase database : List.of(supervision, notification, reporting)) {
            database.getCollection("processed_events").createIndex(Indexes.ascending("processedAt"),
                    new IndexOptions().expireAfter(7L, TimeUnit.DAYS));
        }
        supervision.getCollection("tracked_assignments").createIndex(Indexes.ascending("nextDeadlineAt", "_id"),
                new IndexOptions().name("next_deadline"));
        supervision.getCollection("tracked_assignments").createIndex(Indexes.ascending("unitId", "nextDeadlineAt", "_id"));
        notification.getCollection("inbox_messages").createIndex(
                Indexes.compoundIndex(Indexes.ascending("unitId", "read"), Indexes.descending("createdAt")));
        notification.getCollection("webhook_endpoints").createIndex(Indexes.ascending("unitId", "createdAt"),
                new IndexOptions().name("unit_created"));
        reporting.getCollection("timeline_entries").createIndex(Indexes.ascending("eventId"), new IndexOptions().unique(true));
        reporting.getCollection("timeline_entries").createIndex(Indexes.ascending("caseId", "sequence"));
        reporting.getCollection("matters").createIndex(
                Indexes.compoundIndex(Indexes.ascending("unitId"), Indexes.descending("issuedAt")));
        reporting.getCollection("assignments").createIndex(
                Indexes.compoundIndex(Indexes.ascending("unitId"), Indexes.descending("issuedAt")));
    }

    /** Matters {@code from} … {@code from + n − 1} through the three consumers at once; prints one line. */
    private Result run(String phase, int from, int n, int poll, DaysBack daysBack, int storedAfter) throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<Matter> matters = new ArrayList<>(n);
        for (int i = from; i < from + n; i++) {
            matters.add(Matter.of(i, now.minus(daysBack.of(i), ChronoUnit.DAYS).plusMillis(i % 1000)));
        }
        Document before = stats();
        long cpuBefore = storeCpuMs();
        long began = System.nanoTime();
        ExecutorService consumers = Executors.newFixedThreadPool(3);
        List<Future<?>> done = new ArrayList<>();
        done.add(consumers.submit(() -> polls(matters, poll, this::supervise)));
        done.add(consumers.submit(() -> polls(matters, poll, this::notify)));
        done.add(consumers.submit(() -> polls(matters, poll, this::report)));
        for (Future<?> f : done) {
            f.get();
        }
        consumers.shutdown();
        double seconds = (System.nanoTime() - began) / 1e9;
        long cpu = storeCpuMs() - cpuBefore;
        Document after = stats();
        Result result = new Result((double) cpu / n, n / seconds);
        System.out.println(line(phase, storedAfter, n, seconds, cpu, before, after));
        return result;
    }

    interface Consumer {
        void handle(List<Matter> poll);
    }

    private static void polls(List<Matter> matters, int poll, Consumer consumer) {
        for (int i = 0; i < matters.size(); i += poll) {
            consumer.handle(matters.subList(i, Math.min(matters.size(), i + poll)));
        }
    }

    /** supervision-service: its tracked assignments, read and written back by {@code _id}. */
    private void supervise(List<Matter> poll) {
        List<String> events = processedBefore(supervision, poll);
        MongoCollection<Document> tracked = supervision.getCollection("tracked_assignments");
        tracked.find(Filters.in("_id", poll.stream().map(m -> m.assignmentId).toList())).into(new ArrayList<>());
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (Matter m : poll) {
            writes.add(new ReplaceOneModel<>(Filters.eq("_id", m.assignmentId), new Document("_id", m.assignmentId)
                    .append("caseId", m.caseId).append("unitId", m.unitId).append("issuedAt", Date.from(m.at))
                    .append("deadline", Date.from(m.at.plus(15, ChronoUnit.DAYS))).append("status", "CONCLUDED")
                    .append("title", TEXT).append("version", 5L), new ReplaceOptions().upsert(true)));
        }
        tracked.bulkWrite(writes);
        processed(supervision, events, poll);
    }

    /** notification-service: three inbox messages per matter for its unit (name-based ids: random in the key order). */
    private void notify(List<Matter> poll) {
        List<String> events = processedBefore(notification, poll);
        List<Document> messages = new ArrayList<>();
        for (Matter m : poll) {
            for (int k = 1; k <= 3; k++) {
                messages.add(new Document("_id", UUID.nameUUIDFromBytes((m.eventIds.get(k) + "|" + m.unitId).getBytes()).toString())
                        .append("unitId", m.unitId).append("read", false).append("createdAt", Date.from(m.at.plusSeconds(k)))
                        .append("caseId", m.caseId).append("assignmentId", m.assignmentId).append("eventId", m.eventIds.get(k))
                        .append("subject", "交办通知：" + TEXT).append("body", TEXT.repeat(6)));
            }
        }
        notification.getCollection("webhook_endpoints").find(Filters.eq("unitId", poll.get(0).unitId)).into(new ArrayList<>());
        notification.getCollection("inbox_messages").insertMany(messages, new InsertManyOptions().ordered(false));
        processed(notification, events, poll);
    }

    /** reporting-service: matters and assignments by {@code _id}, six timeline entries a matter, daily figures. */
    private void report(List<Matter> poll) {
        List<String> events = processedBefore(reporting, poll);
        List<String> caseIds = poll.stream().map(m -> m.caseId).toList();
        reporting.getCollection("matters").find(Filters.in("_id", caseIds)).into(new ArrayList<>());
        reporting.getCollection("assignments").find(Filters.in("_id", poll.stream().map(m -> m.assignmentId).toList()))
                .into(new ArrayList<>());
        List<WriteModel<Document>> matters = new ArrayList<>();
        List<WriteModel<Document>> assignments = new ArrayList<>();
        List<WriteModel<Document>> figures = new ArrayList<>();
        List<Document> timeline = new ArrayList<>();
        for (Matter m : poll) {
            matters.add(new ReplaceOneModel<>(Filters.eq("_id", m.caseId), new Document("_id", m.caseId)
                    .append("unitId", m.unitId).append("category", m.category).append("issuedAt", Date.from(m.at))
                    .append("title", TEXT).append("status", "CONCLUDED").append("version", 6L), new ReplaceOptions().upsert(true)));
            assignments.add(new ReplaceOneModel<>(Filters.eq("_id", m.assignmentId), new Document("_id", m.assignmentId)
                    .append("caseId", m.caseId).append("unitId", m.unitId).append("issuedAt", Date.from(m.at))
                    .append("acceptedAt", Date.from(m.at.plusSeconds(60))).append("concludedAt", Date.from(m.at.plusSeconds(600)))
                    .append("onTime", true).append("version", 5L), new ReplaceOptions().upsert(true)));
            String day = m.at.truncatedTo(ChronoUnit.DAYS).toString().substring(0, 10);
            figures.add(new UpdateOneModel<>(Filters.eq("_id", day + "|" + m.unitId + "|" + m.category),
                    Updates.combine(Updates.inc("issued", 1), Updates.inc("concluded", 1), Updates.inc("onTime", 1),
                            Updates.addToSet("applied", m.assignmentId)), new UpdateOptions().upsert(true)));
            for (int k = 0; k < 6; k++) {
                timeline.add(new Document("_id", m.eventIds.get(k)).append("eventId", m.eventIds.get(k))
                        .append("caseId", m.caseId).append("sequence", k).append("at", Date.from(m.at.plusSeconds(k)))
                        .append("type", "duban.assignment.event.v1").append("summary", TEXT));
            }
        }
        reporting.getCollection("matters").bulkWrite(matters);
        reporting.getCollection("assignments").bulkWrite(assignments);
        reporting.getCollection("timeline_entries").insertMany(timeline, new InsertManyOptions().ordered(false));
        reporting.getCollection("daily_figures").bulkWrite(figures);
        processed(reporting, events, poll);
    }

    private static List<String> processedBefore(MongoDatabase database, List<Matter> poll) {
        List<String> ids = poll.stream().flatMap(m -> m.eventIds.stream()).toList();
        database.getCollection("processed_events").find(Filters.in("_id", ids)).projection(Projections.include("_id"))
                .into(new ArrayList<>());
        return ids;
    }

    private static void processed(MongoDatabase database, List<String> ids, List<Matter> poll) {
        List<Document> records = new ArrayList<>();
        Date now = new Date();
        for (int i = 0; i < ids.size(); i++) {
            records.add(new Document("_id", ids.get(i)).append("type", "duban.assignment.event.v1")
                    .append("position", "duban.intake.events-" + (i % 3) + "@" + i).append("processedAt", now));
        }
        database.getCollection("processed_events").insertMany(records, new InsertManyOptions().ordered(false));
    }

    /** One synthetic matter: its ids time-ordered (UUID version 7) at its instant, as the platform makes them. */
    record Matter(String caseId, String assignmentId, List<String> eventIds, String unitId, String category, Instant at) {
        static Matter of(int i, Instant at) {
            Random random = new Random(i);
            List<String> events = new ArrayList<>();
            for (int k = 0; k < 6; k++) {
                events.add(v7(at.plusSeconds(k)));
            }
            return new Matter(v7(at), v7(at), events, "unit-" + (i % UNITS), "C" + random.nextInt(CATEGORIES), at);
        }
    }

    private static String v7(Instant at) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (at.toEpochMilli() << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    private Document stats() {
        return admin.runCommand(new Document("dubanStats", 1));
    }

    private long storeCpuMs() throws Exception {
        String[] fields = Files.readString(storeStat).substring(Files.readString(storeStat).lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10; // utime + stime, USER_HZ = 100
    }

    private static String header() {
        return String.format("%-22s %8s %6s %7s %9s %8s %8s %9s %10s %8s %9s %7s %5s %5s %5s %6s", "phase", "stored", "n",
                "seconds", "matters/s", "cpu ms/m", "commits/m", "KB/commit", "file MB", "chunks", "layout", "pages", "fill",
                "cfill", "hit%", "load");
    }

    private static String line(String phase, int stored, int n, double seconds, long cpu, Document before, Document after)
            throws Exception {
        long commits = num(after, "commits") - num(before, "commits");
        long bytes = num(after, "FILE_WRITE_BYTES") - num(before, "FILE_WRITE_BYTES");
        String load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        return String.format("%-22s %8d %6d %7.1f %9.1f %8.2f %8.2f %9.1f %10.0f %8d %9d %7d %5d %5d %5d %6s", phase, stored,
                n, seconds, n / seconds, (double) cpu / n, (double) commits / n, commits == 0 ? 0 : bytes / 1024.0 / commits,
                num(after, "FILE_SIZE") / 1048576.0, num(after, "CHUNK_COUNT"), num(after, "LAYOUT_SIZE"),
                num(after, "PAGE_COUNT_LIVE"), num(after, "FILL_RATE"), num(after, "CHUNKS_FILL_RATE"),
                num(after, "CACHE_HIT_RATIO"), load);
    }

    private static long num(Document stats, String name) {
        return ((Number) stats.get(name)).longValue();
    }
}
