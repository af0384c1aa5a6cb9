package org.duban.intake.calendar.statutory;

import java.time.LocalDate;
import java.time.ZoneOffset;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.ChineseCalendar;
import com.ibm.icu.util.TimeZone;

/**
 * Days of the Chinese lunisolar calendar (农历) as ICU4J's {@link ChineseCalendar} computes them (new
 * moons and solar terms at the meridian of 120°E, China Standard Time), as Gregorian dates.
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
