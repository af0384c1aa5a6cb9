package org.duban.intake.calendar.statutory;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * New moons (朔) to the minute: J. Meeus, <i>Astronomical Algorithms</i> (2nd ed., 1998), ch. 49 — the mean
 * lunation, its periodic terms and the planetary corrections, within a minute of the modern ephemerides
 * (the book's worked example, the new moon of February 1977, is reproduced to 10⁻⁵ day). ICU4J's own
 * astronomy is coarser (minutes off); {@link ChineseDates} uses this to date the first day of a lunar
 * month when ICU's new moon falls near midnight in Beijing.
 */
final class NewMoons {

    private static final ZoneOffset CHINA_STANDARD_TIME = ZoneOffset.ofHours(8);
    private static final double JULIAN_DAY_OF_EPOCH = 2_440_587.5;
    private static final double LUNATIONS_PER_YEAR = 12.3685;

    private NewMoons() {
    }

    /** The day, in China Standard Time, of the new moon nearest to {@code near}. */
    static LocalDate chinaDateNear(LocalDate near) {
        return nearest(near).atOffset(CHINA_STANDARD_TIME).toLocalDate();
    }

    /** The instant of the new moon nearest to {@code near}. */
    static Instant nearest(LocalDate near) {
        double year = near.getYear() + (near.getDayOfYear() - 0.5) / near.lengthOfYear();
        long lunation = Math.round((year - 2000) * LUNATIONS_PER_YEAR);
        double jdUniversal = julianEphemerisDay(lunation) - SolarTerms.deltaTSeconds(near.getYear()) / 86_400;
        return Instant.ofEpochMilli(Math.round((jdUniversal - JULIAN_DAY_OF_EPOCH) * 86_400_000.0));
    }

    /** The Julian Ephemeris Day of new moon number {@code k} (0 is the new moon of 6 January 2000). */
    static double julianEphemerisDay(long k) {
        double t = k / 1236.85;
        double t2 = t * t;
        double t3 = t2 * t;
        double t4 = t3 * t;
        double mean = 2_451_550.09766 + 29.530588861 * k + 0.00015437 * t2 - 0.000000150 * t3 + 0.00000000073 * t4;
        double e = 1 - 0.002516 * t - 0.0000074 * t2;
        double sun = 2.5534 + 29.10535670 * k - 0.0000014 * t2 - 0.00000011 * t3;
        double moon = 201.5643 + 385.81693528 * k + 0.0107582 * t2 + 0.00001238 * t3 - 0.000000058 * t4;
        double latitude = 160.7108 + 390.67050284 * k - 0.0016118 * t2 - 0.00000227 * t3 + 0.000000011 * t4;
        double node = 124.7746 - 1.56375588 * k + 0.0020672 * t2 + 0.00000215 * t3;
        double periodic = -0.40720 * sin(moon)
                + 0.17241 * e * sin(sun)
                + 0.01608 * sin(2 * moon)
                + 0.01039 * sin(2 * latitude)
                + 0.00739 * e * sin(moon - sun)
                - 0.00514 * e * sin(moon + sun)
                + 0.00208 * e * e * sin(2 * sun)
                - 0.00111 * sin(moon - 2 * latitude)
                - 0.00057 * sin(moon + 2 * latitude)
                + 0.00056 * e * sin(2 * moon + sun)
                - 0.00042 * sin(3 * moon)
                + 0.00042 * e * sin(sun + 2 * latitude)
                + 0.00038 * e * sin(sun - 2 * latitude)
                - 0.00024 * e * sin(2 * moon - sun)
                - 0.00017 * sin(node)
                - 0.00007 * sin(moon + 2 * sun)
                + 0.00004 * sin(2 * moon - 2 * latitude)
                + 0.00004 * sin(3 * sun)
                + 0.00003 * sin(moon + sun - 2 * latitude)
                + 0.00003 * sin(2 * moon + 2 * latitude)
                - 0.00003 * sin(moon + sun + 2 * latitude)
                + 0.00003 * sin(moon - sun + 2 * latitude)
                - 0.00002 * sin(moon - sun - 2 * latitude)
                - 0.00002 * sin(3 * moon + sun)
                + 0.00002 * sin(4 * moon);
        double planetary = 0.000325 * sin(299.77 + 0.107408 * k - 0.009173 * t2)
                + 0.000165 * sin(251.88 + 0.016321 * k)
                + 0.000164 * sin(251.83 + 26.651886 * k)
                + 0.000126 * sin(349.42 + 36.412478 * k)
                + 0.000110 * sin(84.66 + 18.206239 * k)
                + 0.000062 * sin(141.74 + 53.303771 * k)
                + 0.000060 * sin(207.14 + 2.453732 * k)
                + 0.000056 * sin(154.84 + 7.306860 * k)
                + 0.000047 * sin(34.52 + 27.261239 * k)
                + 0.000042 * sin(207.19 + 0.121824 * k)
                + 0.000040 * sin(291.34 + 1.844379 * k)
                + 0.000037 * sin(161.72 + 24.198154 * k)
                + 0.000035 * sin(239.56 + 25.513099 * k)
                + 0.000023 * sin(331.55 + 3.592518 * k);
        return mean + periodic + planetary;
    }

    private static double sin(double degrees) {
        return Math.sin(Math.toRadians(degrees));
    }
}
