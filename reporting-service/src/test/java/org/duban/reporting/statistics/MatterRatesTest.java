package org.duban.reporting.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.duban.contracts.events.Actor;
import org.duban.contracts.events.AssignmentConcluded;
import org.duban.contracts.events.AssignmentIssued;
import org.duban.contracts.events.CaseRegistered;
import org.duban.contracts.events.DubanEvent;
import org.duban.contracts.events.EvaluationRecorded;
import org.duban.reporting.projection.InMemoryDailyFigures;
import org.duban.reporting.projection.InMemoryIssuedAssignments;
import org.duban.reporting.projection.InMemoryLawyerWork;
import org.duban.reporting.projection.InMemoryMatters;
import org.duban.reporting.projection.InMemoryRecommendations;
import org.duban.reporting.projection.InMemoryUnits;
import org.duban.reporting.projection.ProjectionService;
import org.duban.reporting.projection.SupervisionProjection;
import org.junit.jupiter.api.Test;

/**
 * The matter-level rates: replacement of evaluations, 超期未评价, prominence, first-time resolution and its
 * window.
 */
class MatterRatesTest {

    private static final ZoneId OFFICE = ZoneId.of("Asia/Shanghai");
    private static final Actor SUPERVISOR = new Actor("zhang.wei", "SUPERVISOR", null);
    private static final Period MAY = new Period(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 6, 1));
    private static final Period JUNE = new Period(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 7, 1));
    private static final Period MAY_JUNE = new Period(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 7, 1));

    private final InMemoryDailyFigures figures = new InMemoryDailyFigures();
    private final InMemoryMatters matters = new InMemoryMatters();
    private final ProjectionService projection = new ProjectionService(new InMemoryIssuedAssignments(), figures, matters,
            new InMemoryUnits(), new SupervisionProjection(figures, new InMemoryRecommendations(), OFFICE), OFFICE);
    private final StatisticsService statistics = new StatisticsService(figures, matters, new InMemoryLawyerWork(),
            Duration.ofDays(90));

    @Test
    void countsAReRatedMatterOnceWithItsLatestRatingWhicheverOrderTheRatingsArrive() {
        // given: case-1 rated 不满意 then 满意; case-2 rated 满意 then 不满意, the two ratings read in reverse order
        concluded("case-1", true, true, may(3));
        concluded("case-2", true, true, may(3));
        apply(rating("case-1", "e1", "DISSATISFIED", null, may(5)), rating("case-1", "e2", "SATISFIED", "e1", may(6)),
                rating("case-2", "e4", "DISSATISFIED", "e3", may(7)), rating("case-2", "e3", "SATISFIED", null, may(5)));

        // when
        Rates rates = statistics.figures(MAY, null).rates();

        // then
        assertThat(rates.satisfaction()).isEqualTo(new Rate(1, 2));
        assertThat(rates.participation()).isEqualTo(new Rate(2, 2));
    }

    @Test
    void countsAProminentMatterOnTheDayOfItsFirstAssignmentAndResolvedByItsConclusion() {
        // given
        concluded("case-1", true, true, may(3));
        concluded("case-2", true, false, may(3));
        concluded("case-3", false, true, may(3));

        // when
        Rate prominent = statistics.figures(MAY, null).rates().prominentResolution();

        // then
        assertThat(prominent).isEqualTo(new Rate(1, 2));
        assertThat(prominent.percent()).hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("50.00"));
    }

    @Test
    void takesAFirstTimeResolutionAwayWhenARepeatPetitionComesWithinTheWindow() {
        // given: three first-time matters concluded resolved; repeats 20 days and 120 days after two of them
        concluded("case-1", false, true, may(3));
        concluded("case-2", false, true, may(3));
        concluded("case-3", false, true, may(3));
        apply(repeat("case-r1", "case-1", may(3).plus(Duration.ofDays(20))),
                repeat("case-r2", "case-2", may(3).plus(Duration.ofDays(120))));

        // when
        Rate firstTime = statistics.figures(MAY, null).rates().firstTimeResolution();
        Rate withAWideWindow = new StatisticsService(figures, matters, new InMemoryLawyerWork(), Duration.ofDays(180))
                .figures(MAY, null).rates()
                .firstTimeResolution();

        // then
        assertThat(firstTime).isEqualTo(new Rate(2, 3));
        assertThat(withAWideWindow).isEqualTo(new Rate(1, 3));
    }

    @Test
    void countsAMatterWhoseWindowClosedUnratedApartFromBothRatesUntilALateRatingMovesItToTheRatedOnes() {
        // given: three matters concluded on 4 May; one rated on 10 May; the windows of the other two close
        // unrated on 3 June (超期未评价, recorded by the platform)
        concluded("case-1", false, true, may(3));
        concluded("case-2", false, true, may(3));
        concluded("case-3", false, true, may(3));
        Instant windowClosed = may(4).plus(Duration.ofDays(30));
        apply(rating("case-1", "e1", "SATISFIED", null, may(10)), unrated("case-2", "u2", windowClosed),
                unrated("case-3", "u3", windowClosed));

        // when
        Figures before = statistics.figures(MAY_JUNE, null);
        Figures june = statistics.figures(JUNE, null);

        // then: unrated is its own count, in neither rate; participation's denominator is still the concluded
        assertThat(before.unratedMatters()).isEqualTo(2);
        assertThat(before.rates().participation()).isEqualTo(new Rate(1, 3));
        assertThat(before.rates().satisfaction()).isEqualTo(new Rate(1, 1));
        assertThat(june.unratedMatters()).as("counted on the day the window closed").isEqualTo(2);
        assertThat(june.rates().satisfaction()).isEqualTo(Rate.none());
        assertThat(statistics.figures(MAY, null).unratedMatters()).isZero();
        assertThat(statistics.figures(MAY_JUNE, "unit-1").unratedMatters()).isEqualTo(2);

        // when: the petitioner of case-3 rates it late, on 20 June
        apply(rating("case-3", "e3", "DISSATISFIED", "u3", windowClosed.plus(Duration.ofDays(17))));
        Figures after = statistics.figures(MAY_JUNE, null);

        // then: case-3 moves from unrated to rated
        assertThat(after.unratedMatters()).isEqualTo(1);
        assertThat(after.rates().participation()).isEqualTo(new Rate(2, 3));
        assertThat(after.rates().satisfaction()).isEqualTo(new Rate(1, 2));
    }

    @Test
    void aLateRatingReadBeforeTheUnratedRecordItReplacedStillWins() {
        // given
        concluded("case-1", false, true, may(3));
        Instant windowClosed = may(4).plus(Duration.ofDays(30));

        // when: replayed in another order
        apply(rating("case-1", "e1", "SATISFIED", "u1", windowClosed.plus(Duration.ofDays(2))),
                unrated("case-1", "u1", windowClosed));

        // then
        Figures figures = statistics.figures(MAY_JUNE, null);
        assertThat(figures.unratedMatters()).isZero();
        assertThat(figures.rates().satisfaction()).isEqualTo(new Rate(1, 1));
    }

    private void concluded(String caseId, boolean prominent, boolean resolved, Instant issuedAt) {
        String assignmentId = "asg-" + caseId;
        apply(new CaseRegistered(caseId, "LETTER", "SELF", "EDUCATION", prominent, false, List.of(), true,
                        issuedAt.minusSeconds(60), SUPERVISOR),
                new AssignmentIssued(assignmentId, caseId, "unit-1", "ASSIGN", "EDUCATION", prominent, issuedAt,
                        issuedAt.plus(Duration.ofDays(15)), issuedAt.plus(Duration.ofDays(60)), SUPERVISOR),
                new AssignmentConcluded(assignmentId, caseId, "unit-1", "ASSIGN", resolved, true,
                        issuedAt.plus(Duration.ofDays(1)), SUPERVISOR));
    }

    private static EvaluationRecorded rating(String caseId, String id, String rating, String replaces, Instant at) {
        return new EvaluationRecorded(caseId, id, rating, replaces, "PUBLIC", at, Actor.petitioner());
    }

    private static EvaluationRecorded unrated(String caseId, String id, Instant windowClosedAt) {
        return new EvaluationRecorded(caseId, id, "OVERDUE_UNRATED", null, "SYSTEM", windowClosedAt,
                Actor.system("intake-service/evaluation-window"));
    }

    private static CaseRegistered repeat(String caseId, String of, Instant at) {
        return new CaseRegistered(caseId, "VISIT", "SELF", "EDUCATION", false, false, List.of(), false, at, SUPERVISOR,
                false, false, of);
    }

    private void apply(DubanEvent... events) {
        for (DubanEvent event : events) {
            projection.apply(event);
        }
    }

    private static Instant may(int day) {
        return LocalDate.of(2026, 5, day).atTime(10, 0).atZone(OFFICE).toInstant();
    }
}
