package org.duban.intake.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.duban.intake.assignment.AssignmentFixtures.ISSUED;
import static org.duban.intake.assignment.AssignmentFixtures.OFFICE;
import static org.duban.intake.assignment.AssignmentFixtures.POLICY;

import java.time.Duration;
import java.time.Instant;

import org.duban.intake.calendar.CalendarFixtures;
import org.duban.intake.calendar.CalendarYearNotCovered;
import org.duban.intake.calendar.DayCounting;
import org.duban.intake.calendar.OfficeCalendar;
import org.duban.platform.domain.InvalidInput;
import org.junit.jupiter.api.Test;

class DeadlinePolicyTest {

    @Test
    void deadlinesEndAtOfficeMidnightOfTheLastDay() {
        // when: issued 2024-03-01 10:00 Beijing time
        Deadlines deadlines = POLICY.deadlinesFor(AssignmentKind.ASSIGN, ISSUED, null);

        // then: 15 days → end of 2024-03-16, 60 days → end of 2024-04-30 (Beijing), i.e. 16:00Z the day before
        assertThat(deadlines.acceptanceDueAt()).isEqualTo(Instant.parse("2024-03-16T16:00:00Z"));
        assertThat(deadlines.dueAt()).isEqualTo(Instant.parse("2024-04-30T16:00:00Z"));
    }

    @Test
    void anIssueLateInTheEveningCountsFromTheOfficeDayNotTheUtcDay() {
        // given: 2024-03-01 23:30 Beijing = 15:30Z the same date
        Instant lateEvening = Instant.parse("2024-03-01T15:30:00Z");

        // when
        Deadlines deadlines = POLICY.deadlinesFor(AssignmentKind.TRANSFER, lateEvening, null);

        // then
        assertThat(deadlines.acceptanceDueAt()).isEqualTo(Instant.parse("2024-03-16T16:00:00Z"));
    }

    @Test
    void aSupervisorsOwnResultDeadlineReplacesThePolicy() {
        // given
        Instant own = Instant.parse("2024-03-31T16:00:00Z");

        // when
        Deadlines deadlines = POLICY.deadlinesFor(AssignmentKind.ASSIGN, ISSUED, own);

        // then
        assertThat(deadlines.dueAt()).isEqualTo(own);
        assertThat(deadlines.acceptanceDueAt()).isEqualTo(Instant.parse("2024-03-16T16:00:00Z"));
    }

    @Test
    void anUrgentAssignmentDueBeforeTheAcceptancePeriodEndsMustBeAcceptedByItsResultDeadline() {
        // given: 急件, due in 3 days (the acceptance period is 15)
        Instant threeDays = ISSUED.plus(Duration.ofDays(3));

        // when
        Deadlines deadlines = POLICY.deadlinesFor(AssignmentKind.ASSIGN, ISSUED, threeDays);

        // then
        assertThat(deadlines.dueAt()).isEqualTo(threeDays);
        assertThat(deadlines.acceptanceDueAt()).isEqualTo(threeDays);
    }

    @Test
    void anAssignmentDueInAMinuteIsValid() {
        // when
        Deadlines deadlines = POLICY.deadlinesFor(AssignmentKind.TRANSFER, ISSUED, ISSUED.plusSeconds(60));

        // then
        assertThat(deadlines.acceptanceDueAt()).isEqualTo(ISSUED.plusSeconds(60));
    }

    @Test
    void aResultDeadlineNotAfterTheIssueIsRefusedNamingDueAt() {
        // when / then
        assertThatThrownBy(() -> POLICY.deadlinesFor(AssignmentKind.ASSIGN, ISSUED, ISSUED))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("dueAt");
        assertThatThrownBy(() -> POLICY.deadlinesFor(AssignmentKind.ASSIGN, ISSUED, ISSUED.minusSeconds(3_600)))
                .isInstanceOfSatisfying(InvalidInput.class, invalid ->
                        assertThat(invalid.problems()).extracting(InvalidInput.FieldProblem::field).containsExactly("dueAt"));
    }

    @Test
    void aSixtyWorkingDayDeadlineIssuedLateIn2026IsCountedOnAProvisional2027AndSaysSo() {
        // given: the shipped official years 2024–2026, 2027 computed from the statutory holidays
        DeadlinePolicy policy = workingDays(CalendarFixtures.shippedWithProvisionalYears());
        Instant issued = Instant.parse("2026-11-20T02:00:00Z"); // Friday 2026-11-20, 10:00 Beijing

        // when
        Deadlines deadlines = policy.deadlinesFor(AssignmentKind.ASSIGN, issued, null);

        // then: the result deadline lies in 2027 and is provisional; 15 working days stay in 2026
        assertThat(deadlines.dueAt().atZone(OFFICE).getYear()).isEqualTo(2027);
        assertThat(deadlines.provisional()).containsExactly(DeadlineKind.RESULT);
        assertThat(deadlines.acceptanceDueAt()).isEqualTo(Instant.parse("2026-12-11T16:00:00Z"));
    }

    @Test
    void deadlinesCountedOnlyThroughOfficialYearsAreNotProvisional() {
        // given
        DeadlinePolicy policy = workingDays(CalendarFixtures.shippedWithProvisionalYears());

        // when: issued 2026-03-02, 60 working days end in 2026
        Deadlines deadlines = policy.deadlinesFor(AssignmentKind.ASSIGN, Instant.parse("2026-03-02T02:00:00Z"), null);

        // then
        assertThat(deadlines.provisional()).isEmpty();
    }

    @Test
    void calendarDayDeadlinesAreNeverProvisionalButTheObjectionWindowCanBe() {
        // given: calendar days; 5 working days from Thursday 2026-12-31 reach into 2027
        DeadlinePolicy policy = new DeadlinePolicy(15, 60, 60, OFFICE, DayCounting.CALENDAR_DAYS, 5,
                CalendarFixtures.shippedWithProvisionalYears());

        // when
        Deadlines deadlines = policy.deadlinesFor(AssignmentKind.ASSIGN, Instant.parse("2026-12-31T02:00:00Z"), null);

        // then: 2027-01-01 is 元旦 in the provisional year too; Mon 4 … Thu 7, Fri 8 January
        assertThat(deadlines.provisional()).containsExactly(DeadlineKind.OBJECTION);
        assertThat(deadlines.objectionDueAt()).isEqualTo(Instant.parse("2027-01-08T16:00:00Z"));
    }

    @Test
    void aYearFarAheadHasWorkingDaysToo() {
        // given
        DeadlinePolicy policy = workingDays(CalendarFixtures.shippedWithProvisionalYears());

        // when
        Deadlines deadlines = policy.deadlinesFor(AssignmentKind.ASSIGN, Instant.parse("2100-09-20T02:00:00Z"), null);

        // then
        assertThat(deadlines.dueAt().atZone(OFFICE).getYear()).isEqualTo(2100);
        assertThat(deadlines.provisional()).contains(DeadlineKind.ACCEPTANCE, DeadlineKind.RESULT, DeadlineKind.OBJECTION);
    }

    @Test
    void workingDayDeadlinesSkipTheNationalDayHolidayAndCountTheMakeUpWeekends() {
        // given: issued Friday 2025-09-26 10:00 Beijing; 09-28 (Sun) and 10-11 (Sat) worked, 10-01..10-08 off
        DeadlinePolicy policy = workingDays(CalendarFixtures.calendar2025And2026());
        Instant issued = Instant.parse("2025-09-26T02:00:00Z");

        // when
        Deadlines deadlines = policy.deadlinesFor(AssignmentKind.ASSIGN, issued, null);

        // then: the 15th working day is Thursday 2025-10-23, the 60th Thursday 2025-12-25 (end of day, Beijing)
        assertThat(deadlines.acceptanceDueAt()).isEqualTo(Instant.parse("2025-10-23T16:00:00Z"));
        assertThat(deadlines.dueAt()).isEqualTo(Instant.parse("2025-12-25T16:00:00Z"));
    }

    @Test
    void workingDayDeadlinesIntoAYearWithoutCalendarDataAreRefused() {
        // given: the calendar knows 2025 only; 15 working days from 2025-12-20 reach 2026
        DeadlinePolicy policy = workingDays(CalendarFixtures.calendar2025());

        // when / then
        assertThatThrownBy(() -> policy.deadlinesFor(AssignmentKind.TRANSFER, Instant.parse("2025-12-20T02:00:00Z"), null))
                .isInstanceOf(CalendarYearNotCovered.class)
                .hasMessageContaining("no data for 2026");
    }

    @Test
    void calendarDayDeadlinesNeedNoCalendarData() {
        // given: no calendar data at all
        DeadlinePolicy policy = new DeadlinePolicy(15, 60, 60, OFFICE, DayCounting.CALENDAR_DAYS, 5,
                OfficeCalendar.withoutData());

        // when: issued 2030-03-01 10:00 Beijing
        Deadlines deadlines = policy.deadlinesFor(AssignmentKind.ASSIGN, Instant.parse("2030-03-01T02:00:00Z"), null);

        // then
        assertThat(deadlines.acceptanceDueAt()).isEqualTo(Instant.parse("2030-03-16T16:00:00Z"));
    }

    @Test
    void theObjectionDeadlineIsTheEndOfTheFifthWorkingDayAfterIssueAcrossAHoliday() {
        // given: issued Tuesday 2025-09-30 23:30 Beijing (15:30Z), the eve of the 8-day holiday
        DeadlinePolicy policy = workingDays(CalendarFixtures.calendar2025And2026());

        // when
        Instant due = policy.objectionDueAt(Instant.parse("2025-09-30T15:30:00Z"));

        // then: 10-09, 10-10, 10-11 (make-up Saturday), 10-13, 10-14 → end of Tuesday 2025-10-14, Beijing
        assertThat(due).isEqualTo(Instant.parse("2025-10-14T16:00:00Z"));
    }

    @Test
    void theObjectionDeadlineCountsWorkingDaysEvenWhenTheOtherDeadlinesCountCalendarDays() {
        // given: calendar days for acceptance and results, 3 working days to object
        DeadlinePolicy policy = new DeadlinePolicy(15, 60, 60, OFFICE, DayCounting.CALENDAR_DAYS, 3,
                CalendarFixtures.calendar2025And2026());

        // when: issued Monday 2025-01-27, before the Spring Festival (01-28..02-04 off)
        Instant due = policy.objectionDueAt(Instant.parse("2025-01-27T02:00:00Z"));

        // then: 02-05, 02-06, 02-07 → end of Friday 2025-02-07, Beijing
        assertThat(due).isEqualTo(Instant.parse("2025-02-07T16:00:00Z"));
        assertThat(policy.deadlinesFor(AssignmentKind.ASSIGN, Instant.parse("2025-01-27T02:00:00Z"), null)
                .acceptanceDueAt()).isEqualTo(Instant.parse("2025-02-11T16:00:00Z"));
    }

    @Test
    void anObjectionWindowIntoAYearNotYetPublishedCountsMondayToFridayRatherThanBlockingTheAssignment() {
        // given: no calendar data at all; issued Friday 2024-03-01 10:00 Beijing
        // when
        Instant due = POLICY.objectionDueAt(ISSUED);

        // then: Mon 4 … Fri 8 March, to the end of Friday in Beijing
        assertThat(due).isEqualTo(Instant.parse("2024-03-08T16:00:00Z"));
    }

    @Test
    void refusesANonPositiveObjectionWindow() {
        // when / then
        assertThatThrownBy(() -> new DeadlinePolicy(15, 60, 60, OFFICE, DayCounting.WORKING_DAYS, 0,
                CalendarFixtures.calendar2025()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static DeadlinePolicy workingDays(OfficeCalendar calendar) {
        return new DeadlinePolicy(15, 60, 60, OFFICE, DayCounting.WORKING_DAYS, 5, calendar);
    }
}
