package org.duban.reporting.scorecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;

import org.duban.platform.domain.Caller;
import org.duban.platform.domain.Forbidden;
import org.duban.reporting.projection.Counter;
import org.duban.reporting.projection.InMemoryDailyFigures;
import org.duban.reporting.projection.InMemoryLawyerWork;
import org.duban.reporting.projection.InMemoryMatters;
import org.duban.reporting.projection.InMemoryUnits;
import org.duban.reporting.projection.Increment;
import org.duban.reporting.statistics.StatisticsService;
import org.junit.jupiter.api.Test;

class ScorecardServiceTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    private static final ScoreWeights WEIGHTS = new ScoreWeights(0.4, 0.2, 0.4, 1, 2, 3, 5);

    private final InMemoryDailyFigures figures = new InMemoryDailyFigures();
    private final InMemoryUnits units = new InMemoryUnits();
    private final ScorecardService scorecards = new ScorecardService(
            new StatisticsService(figures, new InMemoryMatters(), new InMemoryLawyerWork(), Duration.ofDays(90)), units,
            WEIGHTS);

    @Test
    void ranksUnitsByTheWeightedScoreAndShowsTheWeights() {
        // given: unit-a accepts both its assignments in time; unit-b one of two, and got an interview
        units.registered("unit-a", "A", "城关街道");
        count("unit-a", Counter.ASSIGNMENTS_ISSUED, "a1", "a2");
        count("unit-a", Counter.ACCEPTED_WITHIN_DEADLINE, "a1", "a2");
        count("unit-b", Counter.ASSIGNMENTS_ISSUED, "b1", "b2");
        count("unit-b", Counter.ACCEPTED_WITHIN_DEADLINE, "b1");
        count("unit-b", Counter.MEASURES_INTERVIEW, "m1");
        count(Increment.NO_UNIT, Counter.RECOMMENDATIONS_IMPROVE_POLICY, "r1");

        // when
        Scorecards cards = scorecards.scorecards(Caller.leader("wang.fang"), DAY, DAY.plusDays(1));

        // then: 0.2 × 100 = 20.00; 0.2 × 50 − 5 × 1 = 5.00
        assertThat(cards.weights()).isEqualTo(WEIGHTS);
        assertThat(cards.units()).extracting(UnitScorecard::unitId).containsExactly("unit-a", "unit-b");
        assertThat(cards.units()).extracting(UnitScorecard::rank).containsExactly(1, 2);
        assertThat(cards.units().get(0).score()).isEqualByComparingTo("20.00");
        assertThat(cards.units().get(0).unitName()).isEqualTo("城关街道");
        assertThat(cards.units().get(1).score()).isEqualByComparingTo("5.00");
        assertThat(cards.units().get(1).measuresIssued()).isEqualTo(1);
    }

    @Test
    void givesEqualScoresTheSameRank() {
        // given
        count("unit-a", Counter.ASSIGNMENTS_ISSUED, "a1");
        count("unit-b", Counter.ASSIGNMENTS_ISSUED, "b1");

        // when
        Scorecards cards = scorecards.scorecards(Caller.supervisor("zhang.wei"), DAY, DAY.plusDays(1));

        // then
        assertThat(cards.units()).extracting(UnitScorecard::rank).containsExactly(1, 1);
    }

    @Test
    void refusesAUnit() {
        assertThatThrownBy(() -> scorecards.scorecards(Caller.unit("li.na", "unit-a"), DAY, DAY.plusDays(1)))
                .isInstanceOf(Forbidden.class);
    }

    private void count(String unitId, Counter counter, String... facts) {
        for (String fact : facts) {
            figures.add(new Increment(DAY, unitId, counter, fact));
        }
    }
}
