package org.duban.reporting.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.duban.contracts.events.EventCatalog;
import org.duban.platform.events.EventJson;
import org.duban.platform.inbox.ProcessedEvents;
import org.duban.platform.kafka.IncomingEvent;
import org.duban.platform.testing.PlatformTestSupport;
import org.duban.reporting.projection.ProjectionService;
import org.duban.reporting.statistics.Figures;
import org.duban.reporting.statistics.Period;
import org.duban.reporting.statistics.StatisticsService;
import org.duban.reporting.timeline.TimelineService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The benchmark against the store: the service's real beans and the embedded Mongo-wire store, each
 * event handled as the listener does (processed-id check, projection, timeline). Default 20,000 events
 * ({@code -Dbenchmark.events=N}): the local Mongo-wire store answers about a thousand writes a second
 * here, so a million would take hours; see the README for numbers.
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
    ProjectionService projection;

    @Autowired
    TimelineService timelines;

    @Autowired
    ProcessedEvents processed;

    @Autowired
    StatisticsService statistics;

    @Autowired
    MongoDatabase database;

    int events() {
        return Integer.getInteger("benchmark.events", 20_000);
    }

    @Test
    void projectsEventsIntoTheStoreAndAnswersTheYear() throws Exception {
        // given
        int threads = Integer.getInteger("benchmark.threads", 2);
        int matters = SyntheticYear.mattersFor(events());
        long events = SyntheticYear.eventsOf(matters);
        MongoCollection<Document> log = database.getCollection("benchmark_events_" + UUID.randomUUID().toString()
                .replace("-", ""));

        // when
        long baselineNanos = BenchmarkRun.run(threads, matters, (event, id) -> log.replaceOne(
                Filters.eq("_id", id), new Document("_id", id)
                .append("type", EventCatalog.of(event).name()).append("payload", EventJson.write(event)),
                new ReplaceOptions().upsert(true)));
        long projectionNanos = BenchmarkRun.run(threads, matters, (event, id) -> {
            IncomingEvent incoming = new IncomingEvent(id, EventCatalog.of(event).name(), "/bench", Instant.EPOCH, null,
                    event.partitionKey(), event, "bench", 0, 0);
            processed.handleOnce("projection", incoming, () -> {
                projection.apply(event);
                timelines.record(id, event);
            });
        });
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
        BenchmarkRun.print("the local store of ./duban start (mongo-java-server, H2 file, each write synced)", threads, events, baselineNanos,
                projectionNanos, statisticsNanos, scanNanos, "pre-aggregated: " + figures.assignmentsIssued()
                        + " assignments, " + figures.supervisionOrdersOpened() + " orders; scanned: " + scan.get(0).answer());
        assertThat(scan.get(0).assignments).isEqualTo(figures.assignmentsIssued());
        assertThat(scan.get(0).orders).isEqualTo(figures.supervisionOrdersOpened());
    }
}
