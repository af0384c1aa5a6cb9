package org.duban.reporting.projection.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.duban.platform.testing.FreshDatabases;
import org.duban.reporting.projection.Counter;
import org.duban.reporting.projection.CounterTotals;
import org.duban.reporting.projection.Increment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The counters against the Mongo-wire store, through the real driver. */
class MongoDailyFiguresIT {

    private static final LocalDate MARCH_2 = LocalDate.of(2026, 3, 2);

    @RegisterExtension
    static final FreshDatabases mongo = new FreshDatabases("duban_reporting_figures");

    private MongoDatabase database;
    private MongoDailyFigures figures;

    @BeforeEach
    void freshDatabase() {
        database = mongo.fresh();
        figures = new MongoDailyFigures(database);
    }

    @Test
    void countsAContributionOnceHoweverOftenItIsAdded() {
        // given
        Increment increment = new Increment(MARCH_2, "unit-1", Counter.ASSIGNMENTS_ISSUED, "asg-1");

        // when
        boolean first = figures.add(increment);
        boolean second = figures.add(increment);
        boolean third = figures.add(increment);

        // then
        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(third).isFalse();
        assertThat(total(MARCH_2, Optional.empty()).get(Counter.ASSIGNMENTS_ISSUED)).isEqualTo(1);
    }

    @Test
    void keepsTheCounterAndWhatItCountedInOneDocumentPerDayUnitAndCategory() {
        // when
        figures.add(new Increment(MARCH_2, "unit-1", "REAL_ESTATE", Counter.ASSIGNMENTS_ISSUED, "asg-1"));
        figures.add(new Increment(MARCH_2, "unit-1", "REAL_ESTATE", Counter.ASSIGNMENTS_ISSUED, "asg-2"));
        figures.add(new Increment(MARCH_2, "unit-1", "REAL_ESTATE", Counter.ACCEPTED_WITHIN_DEADLINE, "asg-1"));

        // then
        Document stored = database.getCollection(MongoDailyFigures.COLLECTION).find().first();
        assertThat(database.getCollection(MongoDailyFigures.COLLECTION).countDocuments()).isEqualTo(1);
        assertThat(stored.getString("_id")).isEqualTo("2026-03-02|unit-1|REAL_ESTATE");
        assertThat(stored.getString("category")).isEqualTo("REAL_ESTATE");
        assertThat(stored.getString("day")).isEqualTo("2026-03-02");
        assertThat(stored.getString("unitId")).isEqualTo("unit-1");
        assertThat(((Number) stored.get("assignmentsIssued")).longValue()).isEqualTo(2);
        assertThat(((Number) stored.get("acceptedWithinDeadline")).longValue()).isEqualTo(1);
        assertThat(stored.getList("applied", String.class))
                .containsExactly("assignmentsIssued:asg-1", "assignmentsIssued:asg-2", "acceptedWithinDeadline:asg-1");
    }

    @Test
    void countsEveryOneOfConcurrentFirstIncrementsOfADay() throws Exception {
        // given: several contributions race to create the day's document
        int contributions = 8;
        ExecutorService pool = Executors.newFixedThreadPool(contributions);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        try {
            // when
            for (int i = 0; i < contributions; i++) {
                Increment increment = new Increment(MARCH_2, "unit-1", Counter.ASSIGNMENTS_ISSUED, "asg-" + i);
                results.add(pool.submit(() -> {
                    start.await();
                    return figures.add(increment);
                }));
            }
            start.countDown();

            // then
            for (Future<Boolean> result : results) {
                assertThat(result.get(20, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(total(MARCH_2, Optional.empty()).get(Counter.ASSIGNMENTS_ISSUED)).isEqualTo(contributions);
    }

    @Test
    void sumsTheDaysOfThePeriodOnlyForAllUnitsOrOne() {
        // given
        figures.add(new Increment(MARCH_2.minusDays(1), "unit-1", Counter.ASSIGNMENTS_ISSUED, "before"));
        figures.add(new Increment(MARCH_2, "unit-1", Counter.ASSIGNMENTS_ISSUED, "first-day"));
        figures.add(new Increment(MARCH_2, "unit-2", Counter.TRANSFERS_ISSUED, "first-day-other-unit"));
        figures.add(new Increment(MARCH_2.plusDays(6), "unit-1", Counter.ASSIGNMENTS_ISSUED, "last-day"));
        figures.add(new Increment(MARCH_2.plusDays(7), "unit-1", Counter.ASSIGNMENTS_ISSUED, "after"));

        // when
        CounterTotals all = figures.sum(MARCH_2, MARCH_2.plusDays(7), Optional.empty());
        CounterTotals unit2 = figures.sum(MARCH_2, MARCH_2.plusDays(7), Optional.of("unit-2"));
        CounterTotals nothing = figures.sum(MARCH_2.plusYears(1), MARCH_2.plusYears(2), Optional.empty());

        // then
        assertThat(all.get(Counter.ASSIGNMENTS_ISSUED)).isEqualTo(2);
        assertThat(all.get(Counter.TRANSFERS_ISSUED)).isEqualTo(1);
        assertThat(all.get(Counter.ACCEPTED_WITHIN_DEADLINE)).isZero();
        assertThat(unit2.get(Counter.ASSIGNMENTS_ISSUED)).isZero();
        assertThat(unit2.get(Counter.TRANSFERS_ISSUED)).isEqualTo(1);
        assertThat(nothing).isEqualTo(CounterTotals.none());
    }

    private CounterTotals total(LocalDate day, Optional<String> unitId) {
        return figures.sum(day, day.plusDays(1), unitId);
    }
}
