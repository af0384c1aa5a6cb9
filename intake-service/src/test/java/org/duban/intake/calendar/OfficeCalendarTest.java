package org.duban.intake.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.duban.intake.calendar.CalendarFixtures.calendar2025And2026;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class OfficeCalendarTest {

    private final OfficeCalendar calendar = calendar2025And2026();

    @Test
    void aMakeUpSaturdayIsAWorkingDay() {
        // given: 2025-10-11, a Saturday worked for the National Day holiday
        LocalDate makeUpSaturday = LocalDate.parse("2025-10-11");
        assertThat(makeUpSaturday.getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);

        // when / then
        assertThat(calendar.isWorkingDay(makeUpSaturday)).isTrue();
    }

    @Test
    void aHolidayOnAWeekdayIsNotAWorkingDay() {
        // given: 2025-10-08, a Wednesday inside the National Day and Mid-Autumn holiday
        LocalDate holidayWednesday = LocalDate.parse("2025-10-08");

        // when / then
        assertThat(calendar.isWorkingDay(holidayWednesday)).isFalse();
    }

    @Test
    void anOrdinaryWeekendIsOffAndAnOrdinaryWeekdayIsWorked() {
        // then
        assertThat(calendar.isWorkingDay(LocalDate.parse("2025-10-18"))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2025-10-19"))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2025-10-20"))).isTrue();
    }

    @Test
    void fiveWorkingDaysAcrossTheNationalDayAndMidAutumnHolidayEndOnTheSecondTuesdayAfter() {
        // given: Tuesday 2025-09-30, the eve of the 8-day holiday (10-01..10-08), Saturday 10-11 worked
        LocalDate eve = LocalDate.parse("2025-09-30");

        // when
        LocalDate fifth = calendar.plusWorkingDays(eve, 5);

        // then: 10-09 Thu, 10-10 Fri, 10-11 Sat (make-up), 10-13 Mon, 10-14 Tue
        assertThat(fifth).isEqualTo(LocalDate.parse("2025-10-14"));
    }

    @Test
    void fiveWorkingDaysAcrossTheSpringFestivalCountTheMakeUpSaturday() {
        // given: Monday 2025-01-27, the day before 除夕; 01-28..02-04 off, Saturday 02-08 worked
        LocalDate beforeNewYearsEve = LocalDate.parse("2025-01-27");

        // when
        LocalDate fifth = calendar.plusWorkingDays(beforeNewYearsEve, 5);

        // then: 02-05 Wed, 02-06 Thu, 02-07 Fri, 02-08 Sat (make-up), 02-10 Mon
        assertThat(fifth).isEqualTo(LocalDate.parse("2025-02-10"));
    }

    @Test
    void aMakeUpDayBeforeTheSpringFestivalCountsFirst() {
        // given: Friday 2026-02-13; Saturday 02-14 worked, 02-15..02-23 off
        LocalDate friday = LocalDate.parse("2026-02-13");

        // when
        LocalDate fifth = calendar.plusWorkingDays(friday, 5);

        // then: 02-14 Sat (make-up), 02-24 Tue, 02-25, 02-26, 02-27 Fri
        assertThat(fifth).isEqualTo(LocalDate.parse("2026-02-27"));
    }

    @Test
    void theDayCountedFromIsNeverCountedEvenOnAHoliday() {
        // then
        assertThat(calendar.plusWorkingDays(LocalDate.parse("2025-10-20"), 1)).isEqualTo("2025-10-21");
        assertThat(calendar.plusWorkingDays(LocalDate.parse("2025-10-01"), 1)).isEqualTo("2025-10-09");
        assertThat(calendar.plusWorkingDays(LocalDate.parse("2025-10-01"), 0)).isEqualTo("2025-10-01");
    }

    @Test
    void countsWorkingDaysAcrossTheTurnOfACoveredYear() {
        // given: Wednesday 2025-12-31; 2026-01-01..03 off, Sunday 01-04 worked
        LocalDate newYearsEve = LocalDate.parse("2025-12-31");

        // when / then: 01-04 Sun (make-up), 01-05 Mon
        assertThat(calendar.plusWorkingDays(newYearsEve, 2)).isEqualTo("2026-01-05");
    }

    @Test
    void aYearWithoutDataIsRefusedNamingTheYear() {
        // given: the calendar knows 2025 and 2026 only
        assertThat(calendar.coveredYears()).containsExactly(2025, 2026);

        // when / then
        assertThatThrownBy(() -> calendar.plusWorkingDays(LocalDate.parse("2026-12-24"), 10))
                .isInstanceOf(CalendarYearNotCovered.class)
                .hasMessageContaining("no data for 2027")
                .hasMessageContaining("2025, 2026")
                .satisfies(e -> assertThat(((CalendarYearNotCovered) e).year()).isEqualTo(2027));
        assertThatThrownBy(() -> calendar.isWorkingDay(LocalDate.parse("2024-12-31")))
                .isInstanceOf(CalendarYearNotCovered.class)
                .hasMessageContaining("2024");
    }

    @Test
    void workingDaysThatStayInACoveredYearAreCountedEvenWhenTheNextYearHasNoData() {
        // when / then: 2026-12-24 Thu + 5 → 12-25, 28, 29, 30, 31
        assertThat(calendar.plusWorkingDays(LocalDate.parse("2026-12-24"), 5)).isEqualTo("2026-12-31");
    }

    @Test
    void calendarDaysNeedNoData() {
        // when
        LocalDate due = calendar.plusDays(LocalDate.parse("2030-02-01"), 15, DayCounting.CALENDAR_DAYS);

        // then
        assertThat(due).isEqualTo("2030-02-16");
        assertThat(OfficeCalendar.withoutData().plusDays(LocalDate.parse("2025-09-30"), 5, DayCounting.CALENDAR_DAYS))
                .isEqualTo("2025-10-05");
    }

    @Test
    void plusDaysCountsWorkingDaysWhenAskedTo() {
        // when / then
        assertThat(calendar.plusDays(LocalDate.parse("2025-09-30"), 5, DayCounting.WORKING_DAYS))
                .isEqualTo("2025-10-14");
    }

    @Test
    void workingDaysBetweenUndoesPlusWorkingDays() {
        // given
        LocalDate from = LocalDate.parse("2025-09-26");

        // when / then
        for (int days : new int[] {0, 1, 5, 15, 60, 200}) {
            assertThat(calendar.workingDaysBetween(from, calendar.plusWorkingDays(from, days))).isEqualTo(days);
        }
    }

    @Test
    void workingDaysBetweenCountsTheEndNotTheStartAndIsNegativeBackwards() {
        // then: the National Day week holds no working day
        assertThat(calendar.workingDaysBetween(LocalDate.parse("2025-09-30"), LocalDate.parse("2025-10-08"))).isZero();
        assertThat(calendar.workingDaysBetween(LocalDate.parse("2025-09-30"), LocalDate.parse("2025-10-14"))).isEqualTo(5);
        assertThat(calendar.workingDaysBetween(LocalDate.parse("2025-10-14"), LocalDate.parse("2025-09-30"))).isEqualTo(-5);
        assertThat(calendar.workingDaysBetween(LocalDate.parse("2025-10-14"), LocalDate.parse("2025-10-14"))).isZero();
    }

    @Test
    void aYearGivenTwiceIsRefused() {
        // when / then
        assertThatThrownBy(() -> new OfficeCalendar(
                List.of(CalendarFixtures.year2025(), CalendarFixtures.year2025())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2025");
    }

    @Test
    void negativeDaysAreRefused() {
        // when / then
        assertThatThrownBy(() -> calendar.plusWorkingDays(LocalDate.parse("2025-10-14"), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
