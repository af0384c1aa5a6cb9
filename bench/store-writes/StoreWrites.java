import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;

/**
 * The local store's write path (issue #17), run by bench/store-writes/run.sh.
 *
 * <pre>
 *   java StoreWrites.java serve FILE PORT   # the store as it was before: mongo-java-server's H2Backend (no sync)
 *   java StoreWrites.java measure PORT N    # the workloads against a store on PORT; prints one line per workload
 * </pre>
 * Workloads, each on its own collection: N single inserts one after the other (the latency one caller sees),
 * N updates by _id one after the other, and 8 callers inserting N/8 each at once (throughput; writes that
 * arrive together share a commit). A document is about 1 KB, like a matter with its outbox entry.
 */
public class StoreWrites {

    public static void main(String[] args) throws Exception {
        if (args[0].equals("serve")) {
            Files.createDirectories(Path.of(args[1]).getParent());
            MongoServer server = new MongoServer(new H2Backend(args[1]));
            server.bind("127.0.0.1", Integer.parseInt(args[2]));
            Thread.currentThread().join();
        }
        int port = Integer.parseInt(args[1]);
        int n = Integer.parseInt(args[2]);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            var database = client.getDatabase("bench_" + System.nanoTime());
            warmUp(database.getCollection("warmup"));
            sequentialInserts(database.getCollection("inserts"), n);
            sequentialUpdates(database.getCollection("inserts"), n);
            concurrentInserts(database.getCollection("concurrent"), n, 8);
        }
    }

    private static Document document(String id) {
        return new Document("_id", id).append("title", "关于某街道拆迁补偿问题的信访事项".repeat(10))
                .append("outbox", List.of(new Document("type", "duban.case.registered.v1").append("payload", "x".repeat(600))));
    }

    private static void warmUp(MongoCollection<Document> collection) {
        for (int i = 0; i < 300; i++) {
            collection.insertOne(document("w" + i));
        }
    }

    private static void sequentialInserts(MongoCollection<Document> collection, int n) {
        long[] micros = new long[n];
        long began = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            collection.insertOne(document("d" + i));
            micros[i] = (System.nanoTime() - t) / 1000;
        }
        report("insert, 1 caller", n, System.nanoTime() - began, micros);
    }

    private static void sequentialUpdates(MongoCollection<Document> collection, int n) {
        long[] micros = new long[n];
        long began = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            collection.updateOne(Filters.eq("_id", "d" + i), Updates.set("status", "ACCEPTED"));
            micros[i] = (System.nanoTime() - t) / 1000;
        }
        report("update by _id, 1 caller", n, System.nanoTime() - began, micros);
    }

    private static void concurrentInserts(MongoCollection<Document> collection, int n, int callers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        long[] micros = new long[n - n % callers];
        long began = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < callers; c++) {
            int caller = c;
            done.add(pool.submit(() -> {
                for (int i = caller; i < micros.length; i += callers) {
                    long t = System.nanoTime();
                    collection.insertOne(document("c" + i));
                    micros[i] = (System.nanoTime() - t) / 1000;
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        report("insert, " + callers + " callers", micros.length, System.nanoTime() - began, micros);
    }

    private static void report(String workload, int n, long nanos, long[] micros) {
        long[] sorted = micros.clone();
        Arrays.sort(sorted);
        System.out.printf("RESULT %s|%.0f|%.2f|%.2f%n", workload, n / (nanos / 1e9),
                sorted[sorted.length / 2] / 1000.0, sorted[(int) (sorted.length * 0.99)] / 1000.0);
    }
}
