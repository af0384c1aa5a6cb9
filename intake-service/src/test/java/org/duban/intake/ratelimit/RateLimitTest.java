package org.duban.intake.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RateLimitTest {

    private final Map<String, Long> counts = new HashMap<>();
    private final RateLimitCounters counters = (key, windowStart, expiresAt) ->
            counts.merge(key + "|" + windowStart, 1L, Long::sum);

    @Test
    void theEleventhCallInAMinuteIsRefusedUntilTheWindowEnds() {
        // given
        RateLimit limit = new RateLimit(10, Duration.ofMinutes(1), counters,
                Clock.fixed(Instant.parse("2026-03-02T01:30:45Z"), ZoneOffset.UTC));
        for (int call = 1; call <= 10; call++) {
            assertThat(limit.take("203.0.113.7").allowed()).isTrue();
        }

        // when
        RateLimit.Decision eleventh = limit.take("203.0.113.7");

        // then
        assertThat(eleventh.allowed()).isFalse();
        assertThat(eleventh.retryAfterSeconds()).isEqualTo(15);
        assertThat(limit.take("198.51.100.1").allowed()).isTrue();
    }

    @Test
    void aNewWindowStartsAFreshBudget() {
        // given
        RateLimit first = new RateLimit(1, Duration.ofMinutes(1), counters,
                Clock.fixed(Instant.parse("2026-03-02T01:30:59Z"), ZoneOffset.UTC));
        first.take("203.0.113.7");

        // when
        RateLimit.Decision nextMinute = new RateLimit(1, Duration.ofMinutes(1), counters,
                Clock.fixed(Instant.parse("2026-03-02T01:31:00Z"), ZoneOffset.UTC)).take("203.0.113.7");

        // then
        assertThat(first.take("203.0.113.7").allowed()).isFalse();
        assertThat(nextMinute.allowed()).isTrue();
    }

    @Test
    void theClientsAddressIsStoredOnlyAsAHash() {
        // when
        new RateLimit(10, Duration.ofMinutes(1), counters, Clock.systemUTC()).take("203.0.113.7");

        // then
        assertThat(counts.keySet()).noneMatch(key -> key.contains("203.0.113.7"));
    }
}
