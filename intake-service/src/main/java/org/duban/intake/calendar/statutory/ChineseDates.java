package org.duban.intake.calendar.statutory;

import java.time.LocalDate;
import java.time.ZoneOffset;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.ChineseCalendar;
import com.ibm.icu.util.TimeZone;

/**
 * Days of the Chinese lunisolar calendar (农历) as Gregorian dates: which lunar month is which (leap
 * months, the months' order) as ICU4J's {@link ChineseCalendar} computes it at the meridian of 120°E,
 * and the first day of each month on the day of its new moon in China Standard Time.
 *
 * <p>ICU4J's astronomy is good to a few minutes, so a new moon close to midnight in Beijing can start
 * ICU's month a day late or early: ICU4J 79.1 puts the new moon of 2027's 正月 at 00:03 on 7 February
 * Beijing time, where it is at 23:56 on 6 February (春节 2027 is 6 February). The month's first day is
 * therefore taken from {@link NewMoons}, accurate to well under a minute, when the two differ.
 */
final class ChineseDates {

    /** 1970-01-01 as a Julian day number, ICU's {@link Calendar#JULIAN_DAY}. */
    private static final long EPOCH_JULIAN_DAY = 2_440_588L;

    private ChineseDates() {
    }

    /** 正月初一 (春节) of the lunar year that begins in {@code gregorianYear}. */
    static LocalDate newYear(int gregorianYear) {
        return day(gregorianYear, 1, 1);
    }

    /**
     * The {@code day}-th day of the (not leap) month {@code month} of the lunar year that begins in
     * {@code gregorianYear}: 五月初五 is {@code day(year, 5, 5)}.
     */
    static LocalDate day(int gregorianYear, int month, int day) {
        LocalDate firstByIcu = icuDay(gregorianYear, month, 1);
        LocalDate first = NewMoons.chinaDateNear(firstByIcu);
        if (Math.abs(first.toEpochDay() - firstByIcu.toEpochDay()) > 1) {
            first = firstByIcu; // not the same lunation: never expected; keep ICU's word
        }
        return first.plusDays(day - 1L);
    }

    /** The day ICU4J gives for the {@code day}-th day of month {@code month} of that lunar year. */
    static LocalDate icuDay(int gregorianYear, int month, int day) {
        ChineseCalendar calendar = new ChineseCalendar(TimeZone.GMT_ZONE);
        // 1 March always lies in the lunar year that began in the same Gregorian year (春节 falls between
        // 21 January and 20 February): its extended year is the one wanted, whatever numbering ICU uses.
        calendar.setTimeInMillis(LocalDate.of(gregorianYear, 3, 1).atStartOfDay(ZoneOffset.UTC).toInstant()
                .toEpochMilli());
        int extendedYear = calendar.get(Calendar.EXTENDED_YEAR);
        calendar.clear();
        calendar.set(Calendar.EXTENDED_YEAR, extendedYear);
        calendar.set(Calendar.MONTH, month - 1);
        calendar.set(ChineseCalendar.IS_LEAP_MONTH, 0);
        calendar.set(Calendar.DAY_OF_MONTH, day);
        return LocalDate.ofEpochDay(calendar.get(Calendar.JULIAN_DAY) - EPOCH_JULIAN_DAY);
    }
}
