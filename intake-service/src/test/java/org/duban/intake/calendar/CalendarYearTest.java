package org.duban.intake.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.duban.intake.calendar.CalendarFixtures.days;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class CalendarYearTest {

    private static final String NOTICE = "国务院办公厅关于2025年部分节假日安排的通知";

    @Test
    void refusesADateOfAnotherYear() {
        // when / then
        assertThatThrownBy(() -> new CalendarYear(2025, days("2024-12-31"), days(), NOTICE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2024-12-31")
                .hasMessageContaining("does not lie in 2025");
        assertThatThrownBy(() -> new CalendarYear(2025, days(), days("2026-01-04"), NOTICE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2026-01-04");
    }

    @Test
    void refusesADayThatIsBothHolidayAndMakeUpWorkingDay() {
        // when / then
        assertThatThrownBy(() -> new CalendarYear(2025, days("2025-10-01..2025-10-11"), days("2025-10-11"), NOTICE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2025-10-11 is listed both as a holiday and as a make-up working day");
    }

    @Test
    void refusesAMakeUpWorkingDayThatIsNotOnAWeekend() {
        // when / then: 2025-10-10 is a Friday
        assertThatThrownBy(() -> new CalendarYear(2025, days(), days("2025-10-10"), NOTICE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2025-10-10 is a FRIDAY");
    }

    @Test
    void requiresTheSourceItFollows() {
        // when / then
        assertThatThrownBy(() -> new CalendarYear(2025, days(), days(), " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("source");
    }

    @Test
    void aWeekendInsideAHolidayIsOffAndAnOrdinaryWeekdayIsWorked() {
        // given
        CalendarYear year = CalendarFixtures.year2025();

        // then
        assertThat(year.isWorkingDay(LocalDate.parse("2025-10-04"))).isFalse();
        assertThat(year.isWorkingDay(LocalDate.parse("2025-09-28"))).isTrue();
        assertThat(year.isWorkingDay(LocalDate.parse("2025-09-29"))).isTrue();
    }
}
