package org.duban.reporting.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.duban.contracts.events.DubanEvent;

/** Runs a sink over the synthetic year's matters on several threads, each owning a share as a partition would. */
final class BenchmarkRun {

    interface Sink {
        void accept(DubanEvent event, String id) throws Exception;
    }

    interface BatchSink {
        void accept(List<DubanEvent> events, List<String> ids) throws Exception;
    }

    private BenchmarkRun() {
    }

    /**
     * As {@link #run}, but each thread hands its events on in batches of {@code batchSize}, in order, as a consumer
     * polling its partition would get them.
     */
    static long runBatches(int threads, int firstMatter, int matters, int batchSize, BatchSink sink) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int share = t;
            done.add(pool.submit(() -> {
                List<DubanEvent> batch = new ArrayList<>();
                List<String> ids = new ArrayList<>();
                for (int matter = firstMatter + share; matter < firstMatter + matters; matter += threads) {
                    List<DubanEvent> events = SyntheticYear.matter(matter);
                    for (int e = 0; e < events.size(); e++) {
                        batch.add(events.get(e));
                        ids.add("bench-" + matter + "-" + e);
                        if (batch.size() == batchSize) {
                            sink.accept(List.copyOf(batch), List.copyOf(ids));
                            batch.clear();
                            ids.clear();
                        }
                    }
                }
                if (!batch.isEmpty()) {
                    sink.accept(batch, ids);
                }
                return null;
            }));
        }
        try {
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
        return System.nanoTime() - start;
    }

    /** The nanoseconds it took. */
    static long run(int threads, int matters, Sink sink) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int share = t;
            done.add(pool.submit(() -> {
                for (int matter = share; matter < matters; matter += threads) {
                    List<DubanEvent> events = SyntheticYear.matter(matter);
                    for (int e = 0; e < events.size(); e++) {
                        sink.accept(events.get(e), "bench-" + matter + "-" + e);
                    }
                }
                return null;
            }));
        }
        try {
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
        return System.nanoTime() - start;
    }

    /** The best of {@code times} timings, in nanoseconds, of which the last answer is kept in {@code last}. */
    static <T> long best(int times, Supplier<T> action, List<T> last) {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < times; i++) {
            long start = System.nanoTime();
            T answer = action.get();
            best = Math.min(best, System.nanoTime() - start);
            last.clear();
            last.add(answer);
        }
        return best;
    }

    static void print(String store, int threads, long events, long baselineNanos, long projectionNanos,
            long statisticsNanos, long scanNanos, String year) {
        System.out.printf(Locale.ROOT, "%n=== reporting projection benchmark: %s, %d threads, %d cores ===%n", store, threads,
                Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "baseline, each event stored alone:  %,d events in %7.1f s = %,10.0f events/s%n",
                events, baselineNanos / 1e9, events / (baselineNanos / 1e9));
        System.out.printf(Locale.ROOT, "projection (counters, matter facts, timeline, processed ids):%n"
                + "                                    %,d events in %7.1f s = %,10.0f events/s%n",
                events, projectionNanos / 1e9, events / (projectionNanos / 1e9));
        System.out.printf(Locale.ROOT, "statistics of the year from the pre-aggregated figures: %,.1f ms (best of 5)%n",
                statisticsNanos / 1e6);
        System.out.printf(Locale.ROOT, "baseline, the same answer by scanning the stored events: %,.1f ms (best of 3)%n",
                scanNanos / 1e6);
        System.out.printf(Locale.ROOT, "%s%n%n", year);
    }
}
