package org.duban.intake.calendar.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.intake.calendar.CalendarFixtures.days;

import java.time.LocalDate;
import java.util.stream.Stream;

import org.duban.intake.calendar.CalendarYear;
import org.duban.intake.calendar.OfficeCalendar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every year file shipped in the jar loads and says exactly what the State Council's notice says. The
 * expectations are typed here from the notices' text, item by item, independently of the files.
 */
class ShippedCalendarYearsTest {

    private static final OfficeCalendar SHIPPED = CalendarYearFiles.load(null);

    static Stream<Arguments> notices() {
        return Stream.of(
                // 国务院办公厅关于2024年部分节假日安排的通知（国办发明电〔2023〕7号，2023-10-25）
                Arguments.of(2024, "国办发明电〔2023〕7号",
                        new String[] {"2024-01-01", "2024-02-10..2024-02-17", "2024-04-04..2024-04-06",
                                "2024-05-01..2024-05-05", "2024-06-10", "2024-09-15..2024-09-17",
                                "2024-10-01..2024-10-07"},
                        new String[] {"2024-02-04", "2024-02-18", "2024-04-07", "2024-04-28", "2024-05-11",
                                "2024-09-14", "2024-09-29", "2024-10-12"}),
                // 国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号，2024-11-12）
                Arguments.of(2025, "国办发明电〔2024〕12号",
                        new String[] {"2025-01-01", "2025-01-28..2025-02-04", "2025-04-04..2025-04-06",
                                "2025-05-01..2025-05-05", "2025-05-31..2025-06-02", "2025-10-01..2025-10-08"},
                        new String[] {"2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"}),
                // 国务院办公厅关于2026年部分节假日安排的通知（2025-11-04）
                Arguments.of(2026, "2026年部分节假日安排的通知",
                        new String[] {"2026-01-01..2026-01-03", "2026-02-15..2026-02-23", "2026-04-04..2026-04-06",
                                "2026-05-01..2026-05-05", "2026-06-19..2026-06-21", "2026-09-25..2026-09-27",
                                "2026-10-01..2026-10-07"},
                        new String[] {"2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20",
                                "2026-10-10"}));
    }

    @Test
    void theShippedYearsAre2024To2026And2027IsNotInvented() {
        // then
        assertThat(SHIPPED.coveredYears()).containsExactly(2024, 2025, 2026);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notices")
    void aShippedYearHoldsExactlyTheDaysOfItsNotice(int year, String cited, String[] daysOff, String[] workedWeekends) {
        // when
        CalendarYear shipped = SHIPPED.year(year).orElseThrow();

        // then
        assertThat(shipped.holidays()).containsExactlyElementsOf(days(daysOff));
        assertThat(shipped.makeUpWorkingDays()).containsExactlyElementsOf(days(workedWeekends));
        assertThat(shipped.source()).contains("国务院办公厅关于" + year + "年部分节假日安排的通知").contains(cited);
    }

    @Test
    void theNationalDayOf2025IsOffAndTheSundayBeforeIsWorked() {
        // then
        assertThat(SHIPPED.isWorkingDay(LocalDate.parse("2025-10-01"))).isFalse();
        assertThat(SHIPPED.isWorkingDay(LocalDate.parse("2025-09-28"))).isTrue();
    }

    @Test
    void from2025TheSpringFestivalStartsOnNewYearsEveAndLabourDayHasOneMakeUpDay() {
        // then: 除夕 2025-01-28 is off (in 2024 除夕 2024-02-09 was a working Friday)
        assertThat(SHIPPED.isWorkingDay(LocalDate.parse("2025-01-28"))).isFalse();
        assertThat(SHIPPED.isWorkingDay(LocalDate.parse("2024-02-09"))).isTrue();
        assertThat(SHIPPED.year(2025).orElseThrow().makeUpWorkingDays())
                .filteredOn(day -> day.getMonthValue() == 4 || day.getMonthValue() == 5)
                .containsExactly(LocalDate.parse("2025-04-27"));
        assertThat(SHIPPED.year(2024).orElseThrow().makeUpWorkingDays())
                .filteredOn(day -> day.getMonthValue() == 4 && day.getDayOfMonth() > 20 || day.getMonthValue() == 5)
                .containsExactly(LocalDate.parse("2024-04-28"), LocalDate.parse("2024-05-11"));
    }
}
