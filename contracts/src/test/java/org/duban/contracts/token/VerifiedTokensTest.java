package org.duban.contracts.token;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VerifiedTokensTest {

    /** Claims as the tests make them: an expiry, and whether the checks besides the signature pass. */
    private record Claims(Instant expiresAt, boolean valid) {
    }

    /** The time the cache sees; the tests move it forward. */
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-06T09:00:00Z"));

    @Test
    void answersARememberedTokenWhileItPassesTheChecksAndForgetsItTheFirstTimeItFailsOne() {
        // given
        Claims passing = new Claims(now.get().plus(Duration.ofHours(1)), true);
        VerifiedTokens<Claims> tokens = tokens(10);
        tokens.remember("a.b.c", passing);
        tokens.remember("x.y.z", new Claims(now.get().plus(Duration.ofHours(1)), false));

        // then
        assertThat(tokens.remembered("a.b.c")).isSameAs(passing);
        assertThat(tokens.remembered("a.b.d")).as("another token").isNull();
        assertThat(tokens.remembered("x.y.z")).as("fails a check").isNull();
        assertThat(tokens.size()).as("the failing one forgotten").isEqualTo(1);
    }

    @Test
    void forgetsATokenAtItsExpiry() {
        // given
        VerifiedTokens<Claims> tokens = tokens(10);
        tokens.remember("a.b.c", new Claims(now.get().plus(Duration.ofMinutes(2)), true));

        // when
        advance(Duration.ofMinutes(2));

        // then
        assertThat(tokens.remembered("a.b.c")).isNull();
        assertThat(tokens.size()).isZero();
    }

    @Test
    void forgetsATokenAfterFiveMinutesWhateverItsExpiry() {
        // given
        VerifiedTokens<Claims> tokens = tokens(10);
        tokens.remember("a.b.c", new Claims(now.get().plus(Duration.ofHours(1)), true));
        tokens.remember("d.e.f", new Claims(null, true));

        // when
        advance(VerifiedTokens.MAX_AGE.minusSeconds(1));
        boolean heldJustBefore = tokens.remembered("a.b.c") != null && tokens.remembered("d.e.f") != null;
        advance(Duration.ofSeconds(1));

        // then
        assertThat(heldJustBefore).isTrue();
        assertThat(tokens.remembered("a.b.c")).isNull();
        assertThat(tokens.remembered("d.e.f")).isNull();
    }

    @Test
    void remembersNoMoreTokensThanItsCapacity() {
        // given
        VerifiedTokens<Claims> tokens = tokens(2);
        Claims claims = new Claims(now.get().plus(Duration.ofHours(1)), true);

        // when
        for (String token : new String[] {"a", "b", "c", "d", "e"}) {
            tokens.remember(token, claims);
        }

        // then
        assertThat(tokens.size()).isBetween(1, 2);
        assertThat(tokens.remembered("e")).as("the last one remembered").isSameAs(claims);
    }

    private void advance(Duration by) {
        now.updateAndGet(instant -> instant.plus(by));
    }

    private VerifiedTokens<Claims> tokens(int capacity) {
        return new VerifiedTokens<>(capacity, now::get, Claims::expiresAt, Claims::valid);
    }
}
