package org.duban.reporting.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.duban.contracts.events.DubanEvent;
import org.duban.reporting.projection.InMemoryDailyFigures;
import org.duban.reporting.projection.InMemoryIssuedAssignments;
import org.duban.reporting.projection.InMemoryMatters;
import org.duban.reporting.projection.InMemoryRecommendations;
import org.duban.reporting.projection.InMemoryUnits;
import org.duban.reporting.projection.ProjectionService;
import org.duban.reporting.projection.SupervisionProjection;
import org.duban.reporting.statistics.Figures;
import org.duban.reporting.statistics.Period;
import org.duban.reporting.statistics.StatisticsService;
import org.duban.reporting.timeline.InMemoryTimelines;
import org.duban.reporting.timeline.TimelineService;
import org.junit.jupiter.api.Test;

/**
 * Projects 1,000,000 events ({@code -Dbenchmark.events=N}) of a synthetic year through the projection
 * and the timeline on {@code -Dbenchmark.threads} threads (default 2) over the in-memory stores, then
 * times the year's statistics; baselines in the same run: appending each event to an event log, and
 * answering the year by scanning that log. It measures the projection's own work; the store's cost is
 * what {@link MongoProjectionBenchmark} adds.
 *
 * <p>Not in the default suite (the name matches no Surefire/Failsafe pattern):
 * {@code ./mvnw -q -o -pl reporting-service -am test -Dtest=ProjectionBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 */
class ProjectionBenchmark {

    @Test
    void projectsAMillionEventsAndAnswersTheYear() throws Exception {
        // given
        int threads = Integer.getInteger("benchmark.threads", 2);
        int matters = SyntheticYear.mattersFor(Integer.getInteger("benchmark.events", 1_000_000));
        long events = SyntheticYear.eventsOf(matters);
        ZoneId zone = SyntheticYear.OFFICE;
        InMemoryDailyFigures figures = new InMemoryDailyFigures();
        InMemoryMatters matterFacts = new InMemoryMatters();
        ProjectionService projection = new ProjectionService(new InMemoryIssuedAssignments(), figures, matterFacts,
                new InMemoryUnits(), new SupervisionProjection(figures, new InMemoryRecommendations(), zone), zone);
        TimelineService timelines = new TimelineService(new InMemoryTimelines());
        Set<String> processed = ConcurrentHashMap.newKeySet();
        StatisticsService statistics = new StatisticsService(figures, matterFacts,
                new org.duban.reporting.projection.InMemoryLawyerWork(), java.time.Duration.ofDays(90));
        ConcurrentLinkedQueue<DubanEvent> log = new ConcurrentLinkedQueue<>();

        // when
        long baselineNanos = BenchmarkRun.run(threads, matters, (event, id) -> log.add(event));
        long projectionNanos = BenchmarkRun.run(threads, matters, (event, id) -> {
            if (processed.add(id)) {
                projection.apply(event);
                timelines.record(id, event);
            }
        });
        Period year = new Period(LocalDate.of(SyntheticYear.YEAR, 1, 1), LocalDate.of(SyntheticYear.YEAR + 1, 1, 1));
        List<Figures> answer = new ArrayList<>();
        long statisticsNanos = BenchmarkRun.best(5, () -> statistics.figures(year, null), answer);
        List<EventScan> scan = new ArrayList<>();
        long scanNanos = BenchmarkRun.best(3, () -> {
            EventScan s = new EventScan();
            log.forEach(s::accept);
            return s;
        }, scan);

        // then
        Figures figuresOfTheYear = answer.get(0);
        BenchmarkRun.print("in-memory stores", threads, events, baselineNanos, projectionNanos, statisticsNanos, scanNanos,
                "pre-aggregated: " + figuresOfTheYear.assignmentsIssued() + " assignments, "
                        + figuresOfTheYear.supervisionOrdersOpened() + " orders, " + figuresOfTheYear.rates().satisfaction()
                        .numerator() + "/" + figuresOfTheYear.rates().satisfaction().denominator()
                        + " satisfied; scanned: " + scan.get(0).answer());
        assertThat(scan.get(0).assignments).isEqualTo(figuresOfTheYear.assignmentsIssued());
        assertThat(scan.get(0).orders).isEqualTo(figuresOfTheYear.supervisionOrdersOpened());
    }
}
