package org.duban.reporting.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;

import org.duban.platform.domain.Caller;
import org.duban.platform.domain.Forbidden;
import org.duban.platform.domain.InvalidInput;
import org.duban.reporting.projection.Counter;
import org.duban.reporting.projection.InMemoryDailyFigures;
import org.duban.reporting.projection.InMemoryLawyerWork;
import org.duban.reporting.projection.InMemoryMatters;
import org.duban.reporting.projection.Increment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StatisticsServiceTest {

    private static final LocalDate MARCH_2 = LocalDate.of(2026, 3, 2);
    private static final Caller SUPERVISOR = Caller.supervisor("zhang.wei");

    private final InMemoryDailyFigures dailyFigures = new InMemoryDailyFigures();
    private final StatisticsService statistics = new StatisticsService(dailyFigures, new InMemoryMatters(),
            new InMemoryLawyerWork(), Duration.ofDays(90));

    @BeforeEach
    void issueAssignments() {
        // unit-1: three assignments on 2 and 3 March, two accepted in time; one transfer
        count(MARCH_2, "unit-1", Counter.ASSIGNMENTS_ISSUED, "asg-1", "asg-2");
        count(MARCH_2.plusDays(1), "unit-1", Counter.ASSIGNMENTS_ISSUED, "asg-3");
        count(MARCH_2, "unit-1", Counter.ACCEPTED_WITHIN_DEADLINE, "asg-1");
        count(MARCH_2.plusDays(1), "unit-1", Counter.ACCEPTED_WITHIN_DEADLINE, "asg-3");
        count(MARCH_2, "unit-1", Counter.TRANSFERS_ISSUED, "trf-1");
        // unit-2: one assignment on 2 March, not accepted in time; one on 1 March, outside the period
        count(MARCH_2, "unit-2", Counter.ASSIGNMENTS_ISSUED, "asg-4");
        count(MARCH_2.minusDays(1), "unit-2", Counter.ASSIGNMENTS_ISSUED, "asg-5");
    }

    @Test
    void sumsTheDailyCountersOfThePeriod() {
        // when
        Figures figures = statistics.figures(SUPERVISOR, MARCH_2, MARCH_2.plusDays(7), null);

        // then
        assertThat(figures.period()).isEqualTo(new Period(MARCH_2, MARCH_2.plusDays(7)));
        assertThat(figures.unitId()).isNull();
        assertThat(figures.assignmentsIssued()).isEqualTo(4);
        assertThat(figures.transfersIssued()).isEqualTo(1);
        assertThat(figures.rates().timelyAcceptance()).isEqualTo(new Rate(2, 4));
        assertThat(figures.rates().timelyAcceptance().percent()).contains(new BigDecimal("50.00"));
    }

    @Test
    void answersForOneUnit() {
        // when
        Figures figures = statistics.figures(SUPERVISOR, MARCH_2, MARCH_2.plusDays(7), "unit-1");

        // then
        assertThat(figures.unitId()).isEqualTo("unit-1");
        assertThat(figures.assignmentsIssued()).isEqualTo(3);
        assertThat(figures.rates().timelyAcceptance()).isEqualTo(new Rate(2, 3));
    }

    @Test
    void answersZeroesForFiguresNotCountedYet() {
        // when
        Figures figures = statistics.figures(SUPERVISOR, MARCH_2, MARCH_2.plusDays(1), null);

        // then
        assertThat(figures.supervisionOrdersOpened()).isZero();
        assertThat(figures.recommendations()).isEqualTo(RecommendationCounts.none());
        assertThat(figures.measures()).isEqualTo(MeasureCounts.none());
        assertThat(figures.rates().onTimeCompletion().percent()).isEmpty();
        assertThat(figures.rates().satisfaction()).isEqualTo(Rate.none());
    }

    @Test
    void hasNoTimelyAcceptancePercentWhenNoAssignmentWasIssued() {
        // when
        Figures figures = statistics.figures(SUPERVISOR, MARCH_2.plusDays(10), MARCH_2.plusDays(11), null);

        // then
        assertThat(figures.assignmentsIssued()).isZero();
        assertThat(figures.rates().timelyAcceptance()).isEqualTo(Rate.none());
        assertThat(figures.rates().timelyAcceptance().percent()).isEmpty();
    }

    @Test
    void letsALeaderRead() {
        assertThat(statistics.figures(Caller.leader("wang.fang"), MARCH_2, MARCH_2.plusDays(1), null).assignmentsIssued())
                .isEqualTo(3);
    }

    @Test
    void refusesAUnitWhateverItAsks() {
        // given
        Caller unit = Caller.unit("li.na", "unit-1");

        // when / then: the role is checked before the input
        assertThatThrownBy(() -> statistics.figures(unit, MARCH_2, MARCH_2.plusDays(1), "unit-1"))
                .isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> statistics.figures(unit, MARCH_2, MARCH_2, null)).isInstanceOf(Forbidden.class);
    }

    @Test
    void refusesAPeriodThatEndsBeforeItStarts() {
        assertThatThrownBy(() -> statistics.figures(SUPERVISOR, MARCH_2, MARCH_2.minusDays(1), null))
                .isInstanceOf(InvalidInput.class);
    }

    @Test
    void refusesABlankOrOverlongUnitId() {
        assertThatThrownBy(() -> statistics.figures(SUPERVISOR, MARCH_2, MARCH_2.plusDays(1), " "))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("unitId");
        assertThatThrownBy(() -> statistics.figures(SUPERVISOR, MARCH_2, MARCH_2.plusDays(1), "u".repeat(65)))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("unitId");
    }

    private void count(LocalDate day, String unitId, Counter counter, String... assignmentIds) {
        for (String assignmentId : assignmentIds) {
            dailyFigures.add(new Increment(day, unitId, counter, assignmentId));
        }
    }
}
