package org.duban.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("1994-11-06T08:49:00Z");

    @Test
    void readsDelaySecondsSurroundedBySpaces() {
        assertThat(RetryAfter.parse(" 120 ", NOW)).contains(Duration.ofMinutes(2));
        assertThat(RetryAfter.parse("0", NOW)).contains(Duration.ZERO);
    }

    @Test
    void readsANumberOfSecondsTooLargeForAnyClockAsTheLongestDelayThereIs() {
        assertThat(RetryAfter.parse("99999999999999", NOW)).contains(Duration.ofSeconds(99_999_999_999_999L));
        assertThat(RetryAfter.parse("99999999999999999999999", NOW)).contains(RetryAfter.LONGEST);
    }

    @Test
    void readsTheThreeFormsOfAnHttpDateAsTheTimeLeftUntilIt() {
        assertThat(RetryAfter.parse("Sun, 06 Nov 1994 08:49:37 GMT", NOW)).contains(Duration.ofSeconds(37));
        assertThat(RetryAfter.parse("Sunday, 06-Nov-94 08:49:37 GMT", NOW)).contains(Duration.ofSeconds(37));
        assertThat(RetryAfter.parse("Sun Nov  6 08:49:37 1994", NOW)).contains(Duration.ofSeconds(37));
    }

    @Test
    void readsADateAlreadyPastAsNoWaitAtAll() {
        assertThat(RetryAfter.parse("Sat, 05 Nov 1994 08:49:37 GMT", NOW)).contains(Duration.ZERO);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "-5", "+5", "1.5", "soon", "5 minutes", "0x10", "Sun, 32 Nov 1994 08:49:37 GMT",
            "2026-03-02T01:30:00Z"})
    void ignoresAnythingElse(String header) {
        assertThat(RetryAfter.parse(header, NOW)).isEmpty();
    }
}
