package org.duban.supervision.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.duban.contracts.events.Actor;
import org.duban.contracts.events.AssignmentConcluded;
import org.duban.contracts.events.AssignmentIssued;
import org.duban.platform.outbox.AggregateWriter;
import org.duban.platform.outbox.OutboxProperties;
import org.duban.platform.outbox.OutboxRelay;
import org.duban.platform.testing.EmbeddedMongo;
import org.duban.platform.testing.MovableClock;
import org.duban.supervision.deadline.AssignmentReminders;
import org.duban.supervision.deadline.DeadlineTrackingService;
import org.duban.supervision.deadline.OverdueAssignments;
import org.duban.supervision.deadline.TrackedAssignments;
import org.duban.supervision.deadline.mongo.MongoTrackedAssignmentsAccess;
import org.duban.supervision.reminder.AlertPolicy;
import org.duban.supervision.reminder.ReminderSweep;

/**
 * Times the reminder sweep and the cost of one tracked event with many closed assignments, against a
 * baseline without any, measured in the same run (README "Benchmark"). Not part of the test suite:
 *
 * <pre>
 * ./mvnw -q -o -pl supervision-service -am test -Dtest=ReminderSweepBenchmarkRun \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dbench.run=true -DargLine=-Xmx3g
 * </pre>
 *
 * Sizes: {@code -Dbench.open} (100000), {@code -Dbench.closed} (1000000), {@code -Dbench.due}
 * (1000 turning yellow per timed sweep; the median of five such sweeps is reported), {@code -Dbench.mongoOpen} (1000), {@code -Dbench.mongoClosed}
 * (10000).
 *
 * <p>Part 1 runs the domain and sweep logic over an in-memory store that has the index MongoDB has
 * ({@link IndexedTrackedAssignments}). Part 2 runs the Mongo adapter on the embedded Mongo-wire store,
 * smaller: that store ignores non-unique indexes and scans every document, so its numbers show the
 * cost of a scan, not of MongoDB.
 */
public final class ReminderSweepBenchmark {

    static final Instant T0 = Instant.parse("2026-01-05T01:00:00Z");
    static final Duration WINDOW = Duration.ofDays(3);
    static final AlertPolicy POLICY = new AlertPolicy(WINDOW);
    static final Actor SUPERVISOR = new Actor("bench", "SUPERVISOR", null);

    /** One scenario's numbers. */
    record Result(String label, int open, int closed, double issueMicros, double closeMicros, double idleSweepMillis,
            double sweepMillis, int reminded, double perReminderMicros) {

        String line() {
            return String.format(Locale.ROOT,
                    "%-34s open=%,9d closed=%,10d | per event: issue %7.2f us, close %7.2f us | idle sweep %8.3f ms"
                            + " | sweep of %,d due %9.2f ms (%7.2f us per reminder, median of 5)",
                    label, open, closed, issueMicros, closeMicros, idleSweepMillis, reminded, sweepMillis,
                    perReminderMicros);
        }
    }

    public static void main(String[] args) {
        int open = Integer.getInteger("bench.open", 100_000);
        int closed = Integer.getInteger("bench.closed", 1_000_000);
        int due = Integer.getInteger("bench.due", 1_000);
        int mongoOpen = Integer.getInteger("bench.mongoOpen", 1_000);
        int mongoClosed = Integer.getInteger("bench.mongoClosed", 10_000);
        System.out.println("Reminder sweep benchmark (Java " + Runtime.version() + ", "
                + Runtime.getRuntime().availableProcessors() + " cores)");
        run(open, closed, due, mongoOpen, mongoClosed, result -> System.out.println(result.line()));
    }

    static List<Result> run(int open, int closed, int due, int mongoOpen, int mongoClosed, Consumer<Result> report) {
        List<Result> results = new ArrayList<>();
        Consumer<Result> keep = result -> {
            results.add(result);
            report.accept(result);
        };
        // warm-up at full size, so that no scenario pays for class loading and JIT
        scenario("warm-up (not a result)", open, closed / 10, due, new IndexedTrackedAssignments(POLICY),
                new MovableClock(T0));
        // the baseline before and after, so that drift shows
        keep.accept(scenario("in-memory index, baseline", open, 0, due, new IndexedTrackedAssignments(POLICY),
                new MovableClock(T0)));
        keep.accept(scenario("in-memory index, with closed", open, closed, due, new IndexedTrackedAssignments(POLICY),
                new MovableClock(T0)));
        keep.accept(scenario("in-memory index, baseline again", open, 0, due, new IndexedTrackedAssignments(POLICY),
                new MovableClock(T0)));
        if (mongoOpen > 0) {
            int mongoDue = Math.max(1, Math.min(due, mongoOpen / 5));
            try (MongoClient client = MongoClients.create(EmbeddedMongo.uri())) {
                mongoScenario(client, "mongo warm-up (not a result)", mongoOpen / 4, 0, mongoDue / 4);
                keep.accept(mongoScenario(client, "mongo-java-server, baseline", mongoOpen, 0, mongoDue));
                keep.accept(mongoScenario(client, "mongo-java-server, with closed", mongoOpen, mongoClosed, mongoDue));
            }
        }
        return results;
    }

    private static Result mongoScenario(MongoClient client, String label, int open, int closed, int due) {
        MongoDatabase database = client.getDatabase("bench_" + UUID.randomUUID().toString().replace("-", ""));
        MovableClock clock = new MovableClock(T0);
        OutboxRelay relay = new OutboxRelay(database, event -> { },
                new OutboxProperties(false, List.of("tracked_assignments"), Duration.ofSeconds(1),
                        Duration.ofSeconds(30), 100, Duration.ZERO), clock, new SimpleMeterRegistry());
        TrackedAssignments store = MongoTrackedAssignmentsAccess.create(database, new AggregateWriter(relay), POLICY);
        try {
            return scenario(label, open, closed, due, store, clock);
        } finally {
            database.drop();
        }
    }

    /**
     * Tracks {@code closed} assignments issued and concluded, then {@code open} ones whose deadlines
     * are spread one second apart from 20 days ahead; times an idle sweep (nothing due) and a sweep
     * in which {@code due} of them have entered their yellow window.
     */
    static Result scenario(String label, int open, int closed, int due, TrackedAssignments store, MovableClock clock) {
        DeadlineTrackingService tracking = new DeadlineTrackingService(store);
        ReminderSweep sweep = new ReminderSweep(
                List.of(new AssignmentReminders(store, POLICY, OverdueAssignments.NONE)), clock, 500);

        long closeNanos = 0;
        for (int i = 0; i < closed; i++) {
            String id = "closed-" + i;
            tracking.apply(issued(id, T0.plus(Duration.ofDays(15)), T0.plus(Duration.ofDays(60))));
            long start = System.nanoTime();
            tracking.apply(new AssignmentConcluded(id, "case-" + id, unit(i), "ASSIGN", true, true, T0, SUPERVISOR));
            closeNanos += System.nanoTime() - start;
        }
        Instant firstDeadline = T0.plus(Duration.ofDays(20));
        long issueNanos = 0;
        for (int i = 0; i < open; i++) {
            String id = "open-" + i;
            Instant acceptanceDue = firstDeadline.plus(Duration.ofSeconds(i));
            AssignmentIssued event = issued(id, acceptanceDue, acceptanceDue.plus(Duration.ofDays(45)));
            long start = System.nanoTime();
            tracking.apply(event);
            issueNanos += System.nanoTime() - start;
        }

        // idle: nothing due yet (the best of five)
        long idle = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            ReminderSweep.Result result = sweep.sweep();
            idle = Math.min(idle, System.nanoTime() - start);
            if (result.issued() != 0) {
                throw new IllegalStateException("nothing should be due yet");
            }
        }
        // `due` more deadlines enter their yellow window before each timed sweep; the median of the rounds
        int rounds = Math.max(1, Math.min(5, open / due));
        long[] sweeps = new long[rounds];
        for (int round = 0; round < rounds; round++) {
            clock.set(firstDeadline.minus(WINDOW).plus(Duration.ofSeconds((round + 1L) * due - 1)));
            long start = System.nanoTime();
            ReminderSweep.Result result = sweep.sweep();
            sweeps[round] = System.nanoTime() - start;
            if (result.issued() != due) {
                throw new IllegalStateException(label + ": expected " + due + " reminders, got " + result.issued());
            }
        }
        Arrays.sort(sweeps);
        long sweepNanos = sweeps[rounds / 2];
        return new Result(label, open, closed, micros(issueNanos, open), micros(closeNanos, closed), idle / 1e6,
                sweepNanos / 1e6, due, micros(sweepNanos, due));
    }

    private static AssignmentIssued issued(String id, Instant acceptanceDue, Instant dueAt) {
        return new AssignmentIssued(id, "case-" + id, unit(id.hashCode()), "ASSIGN", "REAL_ESTATE", false, T0,
                acceptanceDue, dueAt, SUPERVISOR);
    }

    private static String unit(int i) {
        return "unit-" + Math.floorMod(i, 50);
    }

    private static double micros(long nanos, int count) {
        return count == 0 ? 0 : nanos / 1e3 / count;
    }

    private ReminderSweepBenchmark() {
    }
}
