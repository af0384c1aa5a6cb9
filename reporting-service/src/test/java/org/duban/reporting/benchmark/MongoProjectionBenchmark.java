package org.duban.reporting.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.duban.contracts.events.DubanEvent;
import org.duban.contracts.events.EventCatalog;
import org.duban.platform.events.EventJson;
import org.duban.platform.inbox.ProcessedEvents;
import org.duban.platform.kafka.IncomingEvent;
import org.duban.platform.testing.PlatformTestSupport;
import org.duban.reporting.projection.BatchProjection;
import org.duban.reporting.projection.mongo.MongoProjectionWrites;
import org.duban.reporting.statistics.Figures;
import org.duban.reporting.statistics.Period;
import org.duban.reporting.statistics.StatisticsService;
import org.duban.reporting.timeline.TimelineService;
import org.duban.reporting.timeline.TimelineService.RecordedEvent;
import org.duban.reporting.timeline.mongo.MongoTimelines;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The benchmark against the store {@code ./duban start} runs ({@link LocalDurableStore}: every write synced before
 * it is answered): the service's real beans, each batch of events handled as the listener does (the handled ids
 * looked up, the batch projected — counters, matter facts, timelines — and its ids recorded). Default 20,000
 * events ({@code -Dbenchmark.events=N}) in batches of 500 ({@code -Dbenchmark.batch}, a poll's
 * {@code max.poll.records}); in the same run, on the same store, the baseline (each event stored alone) and the
 * same handling one event at a time, as the listener did before it read batches, over
 * {@code -Dbenchmark.single-events} (default 2,000) other events in a database of its own. See the README.
 *
 * <p>{@code ./mvnw -q -o -pl reporting-service -am test -Dtest=MongoProjectionBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 */
@SpringBootTest
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class MongoProjectionBenchmark {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        PlatformTestSupport.registerSettings(registry,
                "duban_reporting_bench_" + UUID.randomUUID().toString().replace("-", ""));
        registry.add("spring.mongodb.uri", LocalDurableStore::uri);
    }

    @Autowired
    BatchProjection projection;

    @Autowired
    ProcessedEvents processed;

    @Autowired
    StatisticsService statistics;

    @Autowired
    MongoDatabase database;

    @Autowired
    MongoClient client;

    int events() {
        return Integer.getInteger("benchmark.events", 20_000);
    }

    int singleEvents() {
        return Integer.getInteger("benchmark.single-events", 2_000);
    }

    @Test
    void projectsEventsIntoTheStoreAndAnswersTheYear() throws Exception {
        // given
        int threads = Integer.getInteger("benchmark.threads", 2);
        int batchSize = Integer.getInteger("benchmark.batch", 500);
        int matters = SyntheticYear.mattersFor(events());
        long events = SyntheticYear.eventsOf(matters);
        int singleMatters = SyntheticYear.mattersFor(singleEvents());
        long singleEvents = SyntheticYear.eventsOf(singleMatters);
        MongoCollection<Document> log = database.getCollection("benchmark_events_" + UUID.randomUUID().toString()
                .replace("-", ""));
        MongoDatabase singles = client.getDatabase(database.getName() + "_single");
        BatchProjection singleProjection = new BatchProjection(new MongoProjectionWrites(singles),
                new TimelineService(new MongoTimelines(singles)), SyntheticYear.OFFICE);
        ProcessedEvents singleProcessed = new ProcessedEvents(singles, Clock.systemUTC(), Duration.ofDays(7));

        // when
        long baselineNanos = BenchmarkRun.run(threads, matters, (event, id) -> log.replaceOne(
                Filters.eq("_id", id), new Document("_id", id)
                .append("type", EventCatalog.of(event).name()).append("payload", EventJson.write(event)),
                new ReplaceOptions().upsert(true)));
        long singleNanos = BenchmarkRun.runBatches(threads, 0, singleMatters, 1,
                (batch, ids) -> handle(singleProcessed, singleProjection, batch, ids));
        long projectionNanos = BenchmarkRun.runBatches(threads, 0, matters, batchSize,
                (batch, ids) -> handle(processed, projection, batch, ids));
        Period year = new Period(LocalDate.of(SyntheticYear.YEAR, 1, 1), LocalDate.of(SyntheticYear.YEAR + 1, 1, 1));
        List<Figures> answer = new ArrayList<>();
        long statisticsNanos = BenchmarkRun.best(5, () -> statistics.figures(year, null), answer);
        List<EventScan> scan = new ArrayList<>();
        long scanNanos = BenchmarkRun.best(3, () -> {
            EventScan s = new EventScan();
            for (Document stored : log.find()) {
                EventCatalog.byName(stored.getString("type")).ifPresent(type -> s.accept(
                        EventJson.read(stored.getString("payload").getBytes(StandardCharsets.UTF_8),
                                type.recordType())));
            }
            return s;
        }, scan);

        // then
        Figures figures = answer.get(0);
        System.out.printf(Locale.ROOT, "%nprojection one event at a time (a batch of 1, as the listener read before):%n"
                + "                                    %,d events in %7.1f s = %,10.0f events/s%n",
                singleEvents, singleNanos / 1e9, singleEvents / (singleNanos / 1e9));
        BenchmarkRun.print("the local store of ./duban start (mongo-java-server, H2 file, each write synced); batches of "
                        + batchSize, threads, events, baselineNanos, projectionNanos, statisticsNanos, scanNanos,
                "pre-aggregated: " + figures.assignmentsIssued() + " assignments, " + figures.supervisionOrdersOpened()
                        + " orders; scanned: " + scan.get(0).answer());
        assertThat(scan.get(0).assignments).isEqualTo(figures.assignmentsIssued());
        assertThat(scan.get(0).orders).isEqualTo(figures.supervisionOrdersOpened());
    }

    /** As the listener handles a poll: the ids handled already left out, the rest projected, then recorded. */
    private static void handle(ProcessedEvents processed, BatchProjection projection, List<DubanEvent> batch,
            List<String> ids) {
        Set<String> handled = processed.handled("projection", ids);
        List<IncomingEvent> fresh = new ArrayList<>();
        List<RecordedEvent> known = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            if (!handled.contains(ids.get(i))) {
                DubanEvent event = batch.get(i);
                fresh.add(new IncomingEvent(ids.get(i), EventCatalog.of(event).name(), "/bench", Instant.EPOCH, null,
                        event.partitionKey(), event, "bench", 0, 0));
                known.add(new RecordedEvent(ids.get(i), event));
            }
        }
        projection.project(known);
        processed.recordHandled("projection", fresh);
    }
}
