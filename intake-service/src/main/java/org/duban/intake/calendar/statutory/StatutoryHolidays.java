package org.duban.intake.calendar.statutory;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

import org.duban.intake.calendar.CalendarYear;

/**
 * A year's public holidays (全体公民放假的节日) as 《全国年节及纪念日放假办法》 in force that year grants
 * them ({@link HolidayRules}): 元旦 (1 January), 春节, 清明 (the solar term), 劳动节 (from 1 May), 端午
 * (五月初五), 中秋 (八月十五) and 国庆 (1–3 October). Lunar dates come from ICU4J's Chinese calendar, 清明
 * from the Sun's longitude ({@link SolarTerms}); nothing is a table of dates.
 *
 * <p>What no law predicts is left out: the State Council's yearly notice moves days around the holidays
 * (调休: weekdays off, weekends worked) and gives a day off for a holiday on a weekend. A year computed
 * from the law alone is therefore provisional: its days off are these holidays and the weekends, with no
 * make-up working day.
 */
public final class StatutoryHolidays {

    private StatutoryHolidays() {
    }

    /** The public holidays of {@code year}, in order. */
    public static SortedSet<LocalDate> of(int year) {
        HolidayRules rules = HolidayRules.inForce(year);
        SortedSet<LocalDate> days = new TreeSet<>();
        days.add(LocalDate.of(year, 1, 1));
        LocalDate springFestival = ChineseDates.newYear(year).plusDays(rules.springFestivalFrom());
        addDays(days, springFestival, rules.springFestivalDays());
        days.add(SolarTerms.qingming(year));
        addDays(days, MonthDay.of(5, 1).atYear(year), rules.labourDays());
        days.add(ChineseDates.day(year, 5, 5));
        days.add(ChineseDates.day(year, 8, 15));
        addDays(days, MonthDay.of(10, 1).atYear(year), 3);
        // 除夕 of a lunar year beginning early in January would lie in the previous Gregorian year; it never
        // does (春节 falls on 21 January at the earliest), but a date outside the year must not slip in
        days.removeIf(day -> day.getYear() != year);
        return Collections.unmodifiableSortedSet(days);
    }

    /** {@code year} as the law alone makes it: these holidays off, weekends off, no 调休; marked provisional. */
    public static CalendarYear provisionalYear(int year) {
        HolidayRules rules = HolidayRules.inForce(year);
        return CalendarYear.provisional(year, of(year), "暂定：按《全国年节及纪念日放假办法》（" + rules.decree()
                + "）推算的" + year + "年法定节假日和周末，无调休；以国务院办公厅" + year + "年部分节假日安排的通知为准");
    }

    private static void addDays(SortedSet<LocalDate> days, LocalDate first, int count) {
        for (int i = 0; i < count; i++) {
            days.add(first.plusDays(i));
        }
    }
}
