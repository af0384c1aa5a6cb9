import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import org.bson.Document;

/**
 * The local store's typical service queries as the data stored grows (issue #18), run by bench/store-queries/run.sh.
 *
 * <pre>
 *   java StoreQueries.java fill PORT STORED       # a collection of STORED tracked assignments, the services' indexes
 *   java StoreQueries.java measure PORT STORED    # after a restart: the first query, then each query's time
 * </pre>
 * The collection looks like supervision's tracked assignments and intake's assignments: documents of about 700 bytes
 * with the indexes those services declare (unit and newest first, case, next check (sparse), next deadline, expiry,
 * the outbox's sparse index). Whatever STORED is, each query has as many answers: 20 per unit, 20 checks due, 20
 * deadlines in the window, 20 expired, 10 with events waiting, one per case. Prints one RESULT line per query:
 * {@code RESULT name|median ms|p90 ms}, and {@code FIRST ms} for the first query after the restart.
 */
public class StoreQueries {

    private static final String DATABASE = "bench_store_queries";
    private static final String COLLECTION = "assignments";
    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    private static final int PER_UNIT = 20;

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[1]);
        int stored = Integer.parseInt(args[2]);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            MongoCollection<Document> assignments = client.getDatabase(DATABASE).getCollection(COLLECTION);
            if (args[0].equals("fill")) {
                fill(assignments, stored);
            } else {
                measure(assignments, client.getDatabase(DATABASE).getCollection("warm_up"), stored);
            }
        }
    }

    private static void fill(MongoCollection<Document> assignments, int stored) {
        assignments.createIndex(Indexes.compoundIndex(Indexes.ascending("unitId"), Indexes.descending("issuedAt")),
                new IndexOptions().name("unit_newest_first"));
        assignments.createIndex(Indexes.ascending("caseId"), new IndexOptions().name("by_case"));
        assignments.createIndex(Indexes.ascending("nextCheckAt"), new IndexOptions().name("next_check").sparse(true));
        assignments.createIndex(Indexes.ascending("nextDeadlineAt", "_id"), new IndexOptions().name("next_deadline"));
        assignments.createIndex(Indexes.ascending("expiresAt"),
                new IndexOptions().name("expiry").expireAfter(0L, TimeUnit.SECONDS));
        assignments.createIndex(Indexes.ascending("outboxSince"), new IndexOptions().name("outbox_since").sparse(true));
        String text = "交办事项 ".repeat(60);
        List<Document> batch = new ArrayList<>();
        for (int i = 0; i < stored; i++) {
            Document document = new Document("_id", "assignment-" + i)
                    .append("version", 3L)
                    .append("caseId", "case-" + i)
                    .append("unitId", "unit-" + (i % Math.max(1, stored / PER_UNIT)))
                    .append("status", i % 3 == 0 ? "CONCLUDED" : "ACCEPTED")
                    .append("issuedAt", Date.from(NOW.minusSeconds(3600L * 24 * 30).plusSeconds(i)))
                    .append("summary", text);
            if (i < 20) { // checks due now; half of the others later, the rest (concluded) have none
                document.append("nextCheckAt", Date.from(NOW.minusSeconds(60 + i)));
            } else if (i % 2 == 0) {
                document.append("nextCheckAt", Date.from(NOW.plusSeconds(3600L + i)));
            }
            document.append("nextDeadlineAt", Date.from(i < 20 ? NOW.plusSeconds(600 + i)
                    : NOW.plusSeconds(3600L * 24 * 30 + i)));
            document.append("expiresAt", Date.from(i < 20 ? NOW.minusSeconds(10 + i) : NOW.plusSeconds(3600L * 24 + i)));
            if (i < 10) {
                document.append("outboxSince", Date.from(NOW.minusSeconds(i)))
                        .append("outbox", List.of(new Document("eventId", "event-" + i)));
            }
            batch.add(document);
            if (batch.size() == 1000) {
                assignments.insertMany(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            assignments.insertMany(batch);
        }
        System.out.println("RESULT filled " + assignments.countDocuments());
    }

    private static void measure(MongoCollection<Document> assignments, MongoCollection<Document> warmUp, int stored) {
        Date now = Date.from(NOW);
        // the client's own first call (connection, classes) on another collection, then the first query on this
        // one: the store reads the collection then, if it builds structures for its indexes
        count(warmUp.find(eq("_id", "warm-up")));
        long start = System.nanoTime();
        int due = assignments.find(lte("nextCheckAt", now)).into(new ArrayList<>()).size();
        System.out.printf("RESULT FIRST|%.1f|%d%n", (System.nanoTime() - start) / 1e6, due);
        String unit = "unit-" + (Math.max(1, stored / PER_UNIT) / 2);
        String someId = "assignment-" + (stored / 2);
        Map<String, Supplier<Integer>> queries = new LinkedHashMap<>();
        // the baseline: one document by its _id, what MongoDB and the store answer from the _id index
        queries.put("by _id (baseline)", () -> count(assignments.find(eq("_id", someId))));
        queries.put("guarded write's read {_id, version}", () -> count(assignments.find(
                and(eq("_id", someId), eq("version", 3L)))));
        queries.put("_id $in, 10 ids", () -> count(assignments.find(in("_id", ids(stored, 10)))));
        queries.put("unit's page: unitId, newest first, 20", () -> count(assignments.find(eq("unitId", unit))
                .sort(Sorts.descending("issuedAt")).limit(20)));
        queries.put("by caseId", () -> count(assignments.find(eq("caseId", "case-" + (stored / 3)))));
        queries.put("count by unitId and status", () -> (int) assignments.countDocuments(
                and(eq("unitId", unit), eq("status", "ACCEPTED"))));
        queries.put("reminders due: nextCheckAt <= now", () -> count(assignments.find(lte("nextCheckAt", now))
                .sort(Sorts.ascending("nextCheckAt")).limit(100)));
        queries.put("deadlines in window: nextDeadlineAt range", () -> count(assignments.find(and(
                gte("nextDeadlineAt", now), lt("nextDeadlineAt", Date.from(NOW.plusSeconds(3600)))))
                .sort(Sorts.ascending("nextDeadlineAt", "_id")).limit(100)));
        queries.put("TTL sweep: expiresAt < now (count)", () -> (int) assignments.countDocuments(lt("expiresAt", now)));
        queries.put("relay round: outboxSince exists, unleased", () -> count(assignments.find(and(
                exists("outboxSince"), or(exists("lease", false), lt("lease", now))))
                .sort(Sorts.ascending("outboxSince")).limit(100)));
        // rounds of every query once, so that the machine's noise falls on all of them alike: three to warm up,
        // then as many as fit in about 30 seconds (at least 10, at most 500)
        List<String> names = new ArrayList<>(queries.keySet());
        Map<String, List<Double>> times = new LinkedHashMap<>();
        Map<String, Integer> answers = new LinkedHashMap<>();
        names.forEach(name -> times.put(name, new ArrayList<>()));
        long began = System.nanoTime();
        int asked = 2; // the warm-up's and the first query
        for (int round = 0; round < 503; round++) {
            if (round >= 13 && System.nanoTime() - began > 30_000_000_000L) {
                break;
            }
            for (String name : names) {
                long t = System.nanoTime();
                answers.put(name, queries.get(name).get());
                asked++;
                if (round >= 3) {
                    times.get(name).add((System.nanoTime() - t) / 1e6);
                }
            }
        }
        System.err.println("QUERIES " + asked); // run.sh divides the store's CPU by it
        for (String name : names) {
            double[] sorted = times.get(name).stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf("RESULT %s|%.3f|%.3f|%d%n", name, sorted[sorted.length / 2],
                    sorted[(int) (sorted.length * 0.9)], answers.get(name));
        }
    }

    private static List<String> ids(int stored, int n) {
        return IntStream.range(0, n).mapToObj(i -> "assignment-" + (stored / n * i)).toList();
    }

    private static int count(Iterable<Document> documents) {
        int n = 0;
        for (Document ignored : documents) {
            n++;
        }
        return n;
    }
}
