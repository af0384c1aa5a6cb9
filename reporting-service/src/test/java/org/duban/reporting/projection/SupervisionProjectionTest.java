package org.duban.reporting.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.reporting.projection.ProjectionFixtures.OFFICE_ZONE;
import static org.duban.reporting.projection.ProjectionFixtures.officeTime;

import java.time.LocalDate;

import org.duban.contracts.events.Actor;
import org.duban.contracts.events.MeasureIssued;
import org.duban.contracts.events.RecommendationAnswered;
import org.duban.contracts.events.RecommendationIssued;
import org.duban.contracts.events.ReminderIssued;
import org.duban.contracts.events.SupervisionOrderOpened;
import org.duban.contracts.events.SupervisionOrderProposed;
import org.junit.jupiter.api.Test;

class SupervisionProjectionTest {

    private static final LocalDate MARCH_2 = LocalDate.of(2026, 3, 2);
    private static final LocalDate APRIL_1 = LocalDate.of(2026, 4, 1);
    private static final Actor SUPERVISOR = new Actor("zhang.wei", "SUPERVISOR", null);

    private final InMemoryDailyFigures figures = new InMemoryDailyFigures();
    private final SupervisionProjection projection = new SupervisionProjection(figures, new InMemoryRecommendations(),
            OFFICE_ZONE);

    @Test
    void countsAnAdoptionOnTheDayTheRecommendationWasIssuedWhicheverEventComesFirst() {
        // when: rec-1 issued then answered; rec-2's answer read before its issue
        projection.apply(issued("rec-1"));
        projection.apply(answered("rec-1", true));
        projection.apply(answered("rec-2", true));
        projection.apply(issued("rec-2"));
        projection.apply(issued("rec-3"));
        projection.apply(answered("rec-3", false));

        // then
        assertThat(figures.get(MARCH_2, "unit-1", Counter.RECOMMENDATIONS_IMPROVE_WORK)).isEqualTo(3);
        assertThat(figures.get(MARCH_2, "unit-1", Counter.RECOMMENDATIONS_ADOPTED)).isEqualTo(2);
        assertThat(figures.get(APRIL_1, "unit-1", Counter.RECOMMENDATIONS_ADOPTED)).isZero();
    }

    @Test
    void countsOpenedOrdersMeasuresByKindAndRedRemindersOnAssignments() {
        // when
        projection.apply(new SupervisionOrderProposed("sup-0", "asg-1", "case-1", "unit-1", "OVERDUE",
                officeTime(MARCH_2, 9, 0), Actor.system("deadline-watch")));
        projection.apply(new SupervisionOrderOpened("sup-1", "asg-1", "case-1", "unit-1", "DELAYING", "PHONE", false,
                officeTime(MARCH_2.plusDays(7), 9, 0), officeTime(MARCH_2, 10, 0), SUPERVISOR));
        projection.apply(new MeasureIssued("mea-1", "INTERVIEW", "unit-1", null, "case-1", null, null,
                officeTime(MARCH_2.plusDays(3), 9, 0), officeTime(MARCH_2, 11, 0), SUPERVISOR));
        projection.apply(new ReminderIssued("rem-1", "ASSIGNMENT", "asg-1", "ACCEPTANCE", "RED", officeTime(MARCH_2, 0, 0),
                "case-1", "asg-1", "unit-1", officeTime(MARCH_2, 12, 0), Actor.system("deadline-watch")));
        projection.apply(new ReminderIssued("rem-2", "ASSIGNMENT", "asg-1", "RESULT", "YELLOW", officeTime(MARCH_2, 0, 0),
                "case-1", "asg-1", "unit-1", officeTime(MARCH_2, 12, 5), Actor.system("deadline-watch")));

        // then
        assertThat(figures.get(MARCH_2, "unit-1", Counter.SUPERVISION_ORDERS_OPENED)).isEqualTo(1);
        assertThat(figures.get(MARCH_2, "unit-1", Counter.MEASURES_INTERVIEW)).isEqualTo(1);
        assertThat(figures.get(MARCH_2, "unit-1", Counter.ASSIGNMENTS_OVERDUE)).isEqualTo(1);
        assertThat(figures.get(MARCH_2, "unit-1", Counter.REMINDERS_ISSUED)).isEqualTo(2);
    }

    private static RecommendationIssued issued(String id) {
        return new RecommendationIssued(id, "IMPROVE_WORK", "unit-1", null, null, null, officeTime(APRIL_1, 9, 0),
                officeTime(MARCH_2, 15, 0), SUPERVISOR);
    }

    private static RecommendationAnswered answered(String id, boolean adopted) {
        return new RecommendationAnswered(id, "IMPROVE_WORK", "unit-1", null, adopted, false, officeTime(APRIL_1, 10, 0),
                new Actor("head", "UNIT", "unit-1"));
    }
}
