package org.duban.intake.calendar.statutory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.intake.calendar.CalendarFixtures.days;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.duban.intake.calendar.CalendarYear;
import org.duban.intake.calendar.files.CalendarYearFiles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The acceptance test of issue 12: the provisional calendar, computed from 《全国年节及纪念日放假办法》
 * alone, against the official year files shipped for 2024–2026 with their 调休 removed.
 *
 * <p>A notice's days off are the statutory holidays, the weekends inside the holiday periods, and
 * weekdays given off by 调休 — each paid for by a weekend day worked (a make-up working day) or standing
 * in for a statutory holiday that fell on a weekend (补休). Removing the 调休 lines leaves the statutory
 * holidays, which must be exactly the computed ones: typed below from the law and the notices' own words
 * (农历 dates as the notices name them), and checked against the files three ways — every computed
 * holiday is a day off there, every holiday period there holds a computed holiday, and the weekdays off
 * that are not statutory are exactly as many as the make-up working days plus the statutory holidays on
 * a weekend.
 *
 * <p>2024 was still under the 2013 edition (国务院令第644号): 春节 three days from 初一 (2024-02-10, a
 * Saturday, to 02-12) and 劳动节 one day. The amendment (国务院令第795号) took effect on 2025-01-01, so
 * 2025 and 2026 have 春节 from 除夕 (four days) and 劳动节 on 1–2 May. The computation picks the edition
 * by the year, and 2024 is compared under the rules it was made under.
 */
class ProvisionalCalendarAgainstOfficialYearsTest {

    static Stream<Arguments> officialYears() {
        return Stream.of(
                Arguments.of(2024, HolidayRules.EDITION_2014, days(
                        "2024-01-01",                // 元旦
                        "2024-02-10..2024-02-12",    // 春节 正月初一至初三 (2013 edition)
                        "2024-04-04",                // 清明
                        "2024-05-01",                // 劳动节 (2013 edition: one day)
                        "2024-06-10",                // 端午 五月初五
                        "2024-09-17",                // 中秋 八月十五
                        "2024-10-01..2024-10-03")),  // 国庆
                Arguments.of(2025, HolidayRules.EDITION_2025, days(
                        "2025-01-01",
                        "2025-01-28..2025-01-31",    // 春节 1月28日（农历除夕）至正月初三
                        "2025-04-04",
                        "2025-05-01..2025-05-02",
                        "2025-05-31",                // 端午, a Saturday (6月2日 补休)
                        "2025-10-06",                // 中秋, inside the 国庆 holiday
                        "2025-10-01..2025-10-03")),
                Arguments.of(2026, HolidayRules.EDITION_2025, days(
                        "2026-01-01",
                        "2026-02-16..2026-02-19",    // 春节 除夕 is 腊月廿九 (2月15日 is 腊月二十八 in the notice)
                        "2026-04-05",                // 清明, a Sunday
                        "2026-05-01..2026-05-02",
                        "2026-06-19",
                        "2026-09-25",
                        "2026-10-01..2026-10-03")));
    }

    @ParameterizedTest
    @MethodSource("officialYears")
    void theProvisionalYearHasExactlyTheStatutoryHolidaysTheOfficialYearKeepsOnceItsTiaoxiuIsRemoved(int year,
            HolidayRules edition, SortedSet<LocalDate> statutory) {
        // given
        CalendarYear official = CalendarYearFiles.load(null).year(year).orElseThrow();

        // when
        CalendarYear provisional = StatutoryHolidays.provisionalYear(year);

        // then: the law's holidays, under the edition in force that year
        assertThat(HolidayRules.inForce(year)).isEqualTo(edition);
        assertThat(provisional.holidays()).containsExactlyElementsOf(statutory);
        assertThat(provisional.provisional()).isTrue();
        assertThat(provisional.makeUpWorkingDays()).isEmpty();
        // and the official year with its 调休 removed leaves exactly those
        assertThat(official.holidays()).containsAll(provisional.holidays());
        assertThat(periods(official.holidays())).allSatisfy(period ->
                assertThat(period).as("holiday period %s", period).containsAnyElementsOf(provisional.holidays()));
        List<LocalDate> weekdaysOffByTiaoxiu = official.holidays().stream()
                .filter(day -> !provisional.holidays().contains(day) && !isWeekend(day)).toList();
        long statutoryOnWeekends = provisional.holidays().stream().filter(day -> isWeekend(day)).count();
        assertThat(weekdaysOffByTiaoxiu).hasSize((int) (official.makeUpWorkingDays().size() + statutoryOnWeekends));
    }

    /** Runs of consecutive days. */
    private static List<SortedSet<LocalDate>> periods(SortedSet<LocalDate> days) {
        List<SortedSet<LocalDate>> periods = new ArrayList<>();
        SortedSet<LocalDate> current = new TreeSet<>();
        for (LocalDate day : days) {
            if (!current.isEmpty() && !current.last().plusDays(1).equals(day)) {
                periods.add(current);
                current = new TreeSet<>();
            }
            current.add(day);
        }
        if (!current.isEmpty()) {
            periods.add(current);
        }
        return periods;
    }

    private static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
