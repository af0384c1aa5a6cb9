package org.duban.intake.calendar.statutory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class NewMoonsTest {

    @Test
    void reproducesTheWorkedExampleOfTheAlgorithm() {
        // Meeus, Astronomical Algorithms, example 49.a: the new moon of February 1977, k = -283
        assertThat(NewMoons.julianEphemerisDay(-283)).isCloseTo(2_443_192.65118, within(0.00001));
    }

    @Test
    void findsTheNewMoonsOfRecentSpringFestivalsToTheMinute() {
        // 2024-02-09 22:59 UTC (春节 2024-02-10); 2027-02-06 15:56 UTC, 23:56 in Beijing (春节 2027-02-06)
        assertThat(Duration.between(Instant.parse("2024-02-09T22:59:00Z"),
                NewMoons.nearest(LocalDate.of(2024, 2, 10))).abs()).isLessThan(Duration.ofMinutes(1));
        assertThat(Duration.between(Instant.parse("2027-02-06T15:56:00Z"),
                NewMoons.nearest(LocalDate.of(2027, 2, 7))).abs()).isLessThan(Duration.ofMinutes(1));
    }

    @Test
    void aNewMoonMinutesBeforeMidnightInBeijingStartsTheMonthThatDayWhereIcuSaysTheNext() {
        // given: ICU4J dates 2027's 正月初一 to 7 February
        assertThat(ChineseDates.icuDay(2027, 1, 1)).isEqualTo(LocalDate.of(2027, 2, 7));

        // when / then
        assertThat(ChineseDates.newYear(2027)).isEqualTo(LocalDate.of(2027, 2, 6));
        assertThat(StatutoryHolidays.of(2027)).contains(LocalDate.of(2027, 2, 5), LocalDate.of(2027, 2, 8))
                .doesNotContain(LocalDate.of(2027, 2, 9));
    }

    @Test
    void theCorrectionNeverMovesAMonthByMoreThanTheDayIcuCanMiss() {
        for (int year = 2024; year <= 2100; year++) {
            for (int month : new int[] {1, 5, 8}) {
                LocalDate byIcu = ChineseDates.icuDay(year, month, 1);
                assertThat(Math.abs(ChineseDates.day(year, month, 1).toEpochDay() - byIcu.toEpochDay()))
                        .as("%d month %d", year, month).isLessThanOrEqualTo(1);
            }
        }
    }
}
