package org.duban.reporting.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * A rate as the office publishes it: numerator, denominator and the percentage with two decimals,
 * rounded half-up (113 of 116 is 97.41%). There is no percentage when the denominator is 0.
 *
 * <p>The numerator may exceed the denominator for rates whose two sides are counted on different
 * days (participation: evaluations recorded in the period ÷ matters concluded in the period).
 */
public record Rate(long numerator, long denominator) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public Rate {
        if (numerator < 0 || denominator < 0) {
            throw new IllegalArgumentException("a rate counts things: " + numerator + "/" + denominator);
        }
    }

    /** 0 of 0: a rate nothing has been counted for. */
    public static Rate none() {
        return new Rate(0, 0);
    }

    public Optional<BigDecimal> percent() {
        if (denominator == 0) {
            return Optional.empty();
        }
        return Optional.of(BigDecimal.valueOf(numerator).multiply(HUNDRED)
                .divide(BigDecimal.valueOf(denominator), 2, RoundingMode.HALF_UP));
    }
}
