package org.duban.reporting.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.duban.contracts.events.Actor;
import org.duban.contracts.events.DubanEvent;
import org.duban.contracts.events.LawyerDutySessionRecorded;
import org.duban.contracts.events.LawyerParticipationRecorded;
import org.duban.reporting.projection.InMemoryDailyFigures;
import org.duban.reporting.projection.InMemoryLawyerWork;
import org.duban.reporting.projection.InMemoryMatters;
import org.duban.reporting.projection.LawyerProjection;
import org.duban.reporting.projection.LawyerTotals;
import org.junit.jupiter.api.Test;

/** 律师参与: duty sessions and visitors summed, matters counted once per kind, office-wide. */
class LawyerFiguresTest {

    private static final Actor SUPERVISOR = new Actor("zhang.wei", "SUPERVISOR", null);
    private static final Instant T = Instant.parse("2026-03-02T01:30:00Z");
    private static final Period MARCH = new Period(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 1));

    private final InMemoryLawyerWork work = new InMemoryLawyerWork();
    private final LawyerProjection projection = new LawyerProjection(work);
    private final StatisticsService statistics = new StatisticsService(new InMemoryDailyFigures(),
            new InMemoryMatters(), work, Duration.ofDays(90));

    @Test
    void sumsTheSessionsAndTheirVisitorsAndCountsEachMatterOncePerKindInThePeriod() {
        // given: three sessions in March (one redelivered), one in April; case-1 mediated twice, case-2 once,
        // case-1 also given a legal opinion; a mediation in February
        apply(session("s1", 2, 7), session("s2", 3, 5), session("s2", 3, 5), session("s3", 9, 0),
                new LawyerDutySessionRecorded("s4", LocalDate.of(2026, 4, 1), 9, T, SUPERVISOR),
                part("p1", "case-1", "MEDIATION", 4), part("p2", "case-1", "MEDIATION", 20),
                part("p3", "case-2", "MEDIATION", 21), part("p4", "case-1", "LEGAL_OPINION", 5),
                new LawyerParticipationRecorded("p5", "case-3", "MEDIATION", LocalDate.of(2026, 2, 27), T, SUPERVISOR));

        // when
        Figures figures = statistics.figures(MARCH, null);

        // then
        assertThat(figures.lawyers()).isEqualTo(new LawyerTotals(3, 12, 2, 1));
        assertThat(figures.lawyers().any()).isTrue();
    }

    @Test
    void aUnitsFiguresCarryNoLawyerCountsAndAnEmptyPeriodCountsNothing() {
        // given
        apply(session("s1", 2, 7));

        // then
        assertThat(statistics.figures(MARCH, "unit-1").lawyers()).isNull();
        assertThat(statistics.figures(new Period(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 6, 1)), null).lawyers())
                .isEqualTo(LawyerTotals.none());
        assertThat(LawyerTotals.none().any()).isFalse();
    }

    private void apply(DubanEvent... events) {
        for (DubanEvent event : events) {
            projection.apply(event);
        }
    }

    private static LawyerDutySessionRecorded session(String id, int marchDay, int visitors) {
        return new LawyerDutySessionRecorded(id, LocalDate.of(2026, 3, marchDay), visitors, T, SUPERVISOR);
    }

    private static LawyerParticipationRecorded part(String id, String caseId, String kind, int marchDay) {
        return new LawyerParticipationRecorded(id, caseId, kind, LocalDate.of(2026, 3, marchDay), T, SUPERVISOR);
    }
}
