package org.duban.intake.calendar.statutory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Month;

import org.duban.intake.calendar.CalendarYear;
import org.junit.jupiter.api.Test;

class StatutoryHolidaysTest {

    @Test
    void aYearFarAheadIsComputedLikeAnyOtherUnderTheEditionInForce() {
        // when
        CalendarYear year2100 = StatutoryHolidays.provisionalYear(2100);

        // then: 13 days (1 + 4 + 1 + 2 + 1 + 1 + 3), each in 2100, none a make-up working day
        assertThat(year2100.holidays()).hasSize(13).allSatisfy(day -> assertThat(day.getYear()).isEqualTo(2100));
        assertThat(year2100.holidays()).contains(LocalDate.of(2100, 1, 1), LocalDate.of(2100, 5, 2),
                LocalDate.of(2100, 10, 3));
        assertThat(year2100.source()).contains("国务院令第795号", "暂定");
    }

    @Test
    void theEditionChangesOnTheFirstOfJanuaryOfItsFirstYear() {
        assertThat(HolidayRules.inForce(2013)).isEqualTo(HolidayRules.EDITION_2008);
        assertThat(HolidayRules.inForce(2014)).isEqualTo(HolidayRules.EDITION_2014);
        assertThat(HolidayRules.inForce(2024)).isEqualTo(HolidayRules.EDITION_2014);
        assertThat(HolidayRules.inForce(2025)).isEqualTo(HolidayRules.EDITION_2025);
        assertThat(HolidayRules.inForce(2200)).isEqualTo(HolidayRules.EDITION_2025);
    }

    @Test
    void springFestivalStartsOnTheEveWhateverTheLengthOfTheTwelfthMonth() {
        // given: 腊月 of 乙巳 (2025/26) has 29 days, so 除夕 is 廿九; 腊月 of 甲辰 (2024/25) has 30
        // when
        LocalDate eve2026 = ChineseDates.newYear(2026).minusDays(1);
        LocalDate eve2025 = ChineseDates.newYear(2025).minusDays(1);

        // then
        assertThat(eve2026).isEqualTo(LocalDate.of(2026, 2, 16));
        assertThat(eve2025).isEqualTo(LocalDate.of(2025, 1, 28));
        assertThat(StatutoryHolidays.of(2026)).contains(eve2026).doesNotContain(eve2026.minusDays(1));
    }

    @Test
    void qingmingIsTheDayTheSunReachesFifteenDegreesInChinaStandardTime() {
        // the notices' 清明: 2024-04-04, 2025-04-04, 2026-04-05
        assertThat(SolarTerms.qingming(2024)).isEqualTo(LocalDate.of(2024, 4, 4));
        assertThat(SolarTerms.qingming(2025)).isEqualTo(LocalDate.of(2025, 4, 4));
        assertThat(SolarTerms.qingming(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
        for (int year = 2024; year <= 2100; year++) {
            LocalDate qingming = SolarTerms.qingming(year);
            assertThat(qingming.getMonth()).isEqualTo(Month.APRIL);
            assertThat(qingming.getDayOfMonth()).as("清明 %d", year).isBetween(3, 6);
        }
    }
}
