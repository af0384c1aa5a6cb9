package org.duban.intake.calendar.statutory;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The solar term 清明: the instant the Sun's apparent ecliptic longitude reaches 15°, and its date in China
 * Standard Time (UTC+8), by which the festival is kept.
 *
 * <p>The Sun's position follows J. Meeus, <i>Astronomical Algorithms</i> (2nd ed., 1998), ch. 25: mean
 * longitude, equation of the centre and the main terms of nutation and aberration, accurate to about
 * 0.01° — some 15 minutes of time; ΔT (TT − UT) after Espenak and Meeus's polynomials (NASA, 2006). The
 * date is therefore certain except when the term falls within a quarter of an hour of midnight in
 * Beijing (between 2024 and 2100 the nearest is 2071, a few minutes after midnight); a provisional year
 * is replaced by the State Council's notice anyway.
 */
final class SolarTerms {

    private static final ZoneOffset CHINA_STANDARD_TIME = ZoneOffset.ofHours(8);
    private static final double JULIAN_DAY_OF_EPOCH = 2_440_587.5;
    private static final double J2000 = 2_451_545.0;
    private static final double DEGREES_PER_DAY = 360 / 365.2422;

    private SolarTerms() {
    }

    /** The day of 清明 in {@code year}, in China Standard Time. */
    static LocalDate qingming(int year) {
        return instantOfLongitude(year, 15.0, LocalDate.of(year, 4, 4)).atOffset(CHINA_STANDARD_TIME).toLocalDate();
    }

    /** The instant near {@code near} when the Sun's apparent longitude is {@code degrees}. */
    static Instant instantOfLongitude(int year, double degrees, LocalDate near) {
        double deltaT = deltaTSeconds(year) / 86_400;
        double jde = JULIAN_DAY_OF_EPOCH + near.toEpochDay() + deltaT;
        for (int step = 0; step < 20; step++) {
            double correction = signedDifference(degrees, apparentLongitude(jde)) / DEGREES_PER_DAY;
            jde += correction;
            if (Math.abs(correction) < 1e-7) {
                break;
            }
        }
        double jdUniversal = jde - deltaT;
        return Instant.ofEpochMilli(Math.round((jdUniversal - JULIAN_DAY_OF_EPOCH) * 86_400_000.0));
    }

    /** The Sun's apparent ecliptic longitude in degrees at Julian Ephemeris Day {@code jde} (Meeus ch. 25). */
    static double apparentLongitude(double jde) {
        double t = (jde - J2000) / 36_525;
        double meanLongitude = 280.46646 + 36_000.76983 * t + 0.0003032 * t * t;
        double meanAnomaly = Math.toRadians(357.52911 + 35_999.05029 * t - 0.0001537 * t * t);
        double centre = (1.914602 - 0.004817 * t - 0.000014 * t * t) * Math.sin(meanAnomaly)
                + (0.019993 - 0.000101 * t) * Math.sin(2 * meanAnomaly)
                + 0.000289 * Math.sin(3 * meanAnomaly);
        double omega = Math.toRadians(125.04 - 1_934.136 * t);
        return normalised(meanLongitude + centre - 0.00569 - 0.00478 * Math.sin(omega));
    }

    /** TT − UT in seconds (Espenak and Meeus, 2006), for 2005–2150 and, beyond, its long-term parabola. */
    static double deltaTSeconds(int year) {
        double y = year + 0.5;
        if (y < 2050) {
            double t = y - 2000;
            return 62.92 + 0.32217 * t + 0.005589 * t * t;
        }
        double u = (y - 1820) / 100;
        if (y < 2150) {
            return -20 + 32 * u * u - 0.5628 * (2150 - y);
        }
        return -20 + 32 * u * u;
    }

    private static double signedDifference(double target, double actual) {
        double difference = normalised(target - actual);
        return difference > 180 ? difference - 360 : difference;
    }

    private static double normalised(double degrees) {
        double reduced = degrees % 360;
        return reduced < 0 ? reduced + 360 : reduced;
    }
}
