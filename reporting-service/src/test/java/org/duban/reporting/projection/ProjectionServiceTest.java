package org.duban.reporting.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.duban.reporting.projection.ProjectionFixtures.OFFICE_ZONE;
import static org.duban.reporting.projection.ProjectionFixtures.acceptedInTime;
import static org.duban.reporting.projection.ProjectionFixtures.acceptedLate;
import static org.duban.reporting.projection.ProjectionFixtures.assigned;
import static org.duban.reporting.projection.ProjectionFixtures.officeTime;
import static org.duban.reporting.projection.ProjectionFixtures.transferred;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.duban.contracts.events.Actor;
import org.duban.contracts.events.AssignmentIssued;
import org.duban.contracts.events.CaseRegistered;
import org.duban.contracts.events.DubanEvent;
import org.junit.jupiter.api.Test;

class ProjectionServiceTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);

    private final InMemoryDailyFigures figures = new InMemoryDailyFigures();
    private final InMemoryIssuedAssignments assignments = new InMemoryIssuedAssignments();
    private final InMemoryMatters matters = new InMemoryMatters();
    private final ProjectionService projection = new ProjectionService(assignments, figures, matters,
            new InMemoryUnits(), new SupervisionProjection(figures, new InMemoryRecommendations(), OFFICE_ZONE),
            OFFICE_ZONE);

    @Test
    void countsAnAssignmentOnTheOfficeLocalDayItWasIssued() {
        // given: 00:30 in the office on Tuesday is still Monday in UTC
        Instant tuesdayAfterMidnight = Instant.parse("2026-03-02T16:30:00Z");

        // when
        projection.apply(assigned("asg-1", "unit-1", tuesdayAfterMidnight));

        // then
        assertThat(figures.get(MONDAY.plusDays(1), "unit-1", Counter.ASSIGNMENTS_ISSUED)).isEqualTo(1);
        assertThat(figures.get(MONDAY, "unit-1", Counter.ASSIGNMENTS_ISSUED)).isZero();
        assertThat(assignments.find("asg-1")).get().extracting(IssuedAssignment::issuedOn).isEqualTo(MONDAY.plusDays(1));
    }

    @Test
    void countsAnAssignmentIssuedLateInTheEveningOnThatDay() {
        // when
        projection.apply(assigned("asg-1", "unit-1", officeTime(MONDAY, 23, 30)));

        // then
        assertThat(figures.get(MONDAY, "unit-1", Counter.ASSIGNMENTS_ISSUED)).isEqualTo(1);
    }

    @Test
    void countsTransfersApartFromAssignments() {
        // when
        projection.apply(transferred("trf-1", "unit-1", officeTime(MONDAY, 10, 0)));

        // then
        assertThat(figures.get(MONDAY, "unit-1", Counter.TRANSFERS_ISSUED)).isEqualTo(1);
        assertThat(figures.get(MONDAY, "unit-1", Counter.ASSIGNMENTS_ISSUED)).isZero();
    }

    @Test
    void countsATimelyAcceptanceAgainstTheDayAndUnitTheAssignmentWasIssuedTo() {
        // given
        AssignmentIssued issued = assigned("asg-1", "unit-1", officeTime(MONDAY, 10, 0));
        projection.apply(issued);

        // when: accepted three days later
        projection.apply(acceptedInTime(issued, officeTime(MONDAY.plusDays(3), 9, 0)));

        // then
        assertThat(figures.get(MONDAY, "unit-1", Counter.ACCEPTED_WITHIN_DEADLINE)).isEqualTo(1);
        assertThat(figures.get(MONDAY.plusDays(3), "unit-1", Counter.ACCEPTED_WITHIN_DEADLINE)).isZero();
    }

    @Test
    void doesNotCountALateAcceptance() {
        // given
        AssignmentIssued issued = assigned("asg-1", "unit-1", officeTime(MONDAY, 10, 0));
        projection.apply(issued);

        // when
        projection.apply(acceptedLate(issued, officeTime(MONDAY.plusDays(20), 9, 0)));

        // then
        assertThat(figures.get(MONDAY, "unit-1", Counter.ACCEPTED_WITHIN_DEADLINE)).isZero();
    }

    @Test
    void leavesTheAcceptanceOfATransferOutOfTheTimelyAcceptanceRate() {
        // given: the rate's denominator is the assignments (kind ASSIGN) issued
        AssignmentIssued transfer = transferred("trf-1", "unit-1", officeTime(MONDAY, 10, 0));
        projection.apply(transfer);

        // when
        projection.apply(acceptedInTime(transfer, officeTime(MONDAY, 15, 0)));

        // then
        assertThat(figures.get(MONDAY, "unit-1", Counter.ACCEPTED_WITHIN_DEADLINE)).isZero();
    }

    @Test
    void countsEventsHandledTwiceOnce() {
        // given: a crash after the effect and before the event id was recorded hands the events over again
        AssignmentIssued issued = assigned("asg-1", "unit-1", officeTime(MONDAY, 10, 0));
        List<DubanEvent> events = List.of(issued,
                acceptedInTime(issued, officeTime(MONDAY, 11, 0)));

        // when
        events.forEach(projection::apply);
        events.forEach(projection::apply);

        // then
        assertThat(figures.get(MONDAY, "unit-1", Counter.ASSIGNMENTS_ISSUED)).isEqualTo(1);
        assertThat(figures.get(MONDAY, "unit-1", Counter.ACCEPTED_WITHIN_DEADLINE)).isEqualTo(1);
    }

    @Test
    void refusesAnAcceptanceOfAnAssignmentItNeverSawIssued() {
        // given
        AssignmentIssued neverProjected = assigned("asg-9", "unit-1", officeTime(MONDAY, 10, 0));

        // when / then: retried, then parked on the dead-letter topic; not silently dropped
        assertThatThrownBy(() -> projection.apply(acceptedInTime(neverProjected, officeTime(MONDAY, 11, 0))))
                .isInstanceOf(UnknownAssignment.class)
                .hasMessageContaining("asg-9");
    }

    @Test
    void passesOverEventTypesTheFiguresDoNotUseYet() {
        // when
        projection.apply(new CaseRegistered("case-1", "LETTER", "SELF", "EDUCATION", true, false, List.of(), true,
                officeTime(MONDAY, 10, 0), new Actor("zhang.wei", "SUPERVISOR", null)));

        // then
        assertThat(figures.sum(MONDAY, MONDAY.plusDays(1), Optional.empty())).isEqualTo(CounterTotals.none());
    }
}
