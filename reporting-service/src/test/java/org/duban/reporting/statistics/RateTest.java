package org.duban.reporting.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RateTest {

    @ParameterizedTest(name = "{0}/{1} is {2}%")
    @CsvSource({
        "113, 116, 97.41", // the office's 2023 satisfaction rate
        "57,  62,  91.94", // the office's 2023 prominent resolution rate
        "1,   3,   33.33",
        "2,   3,   66.67",
        "1,   32,  3.13",  // 3.125: half-up, not half-even
        "1,   1,   100.00",
        "0,   5,   0.00",
        "7,   5,   140.00"
    })
    void givesThePercentWithTwoDecimalsRoundedHalfUp(long numerator, long denominator, String percent) {
        // when
        Rate rate = new Rate(numerator, denominator);

        // then
        assertThat(rate.percent()).contains(new BigDecimal(percent));
    }

    @Test
    void hasNoPercentWhenNothingWasCounted() {
        // when
        Rate rate = new Rate(0, 0);

        // then
        assertThat(rate.percent()).isEmpty();
        assertThat(Rate.none()).isEqualTo(rate);
    }

    @Test
    void refusesNegativeCounts() {
        assertThatThrownBy(() -> new Rate(-1, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Rate(1, -3)).isInstanceOf(IllegalArgumentException.class);
    }
}
