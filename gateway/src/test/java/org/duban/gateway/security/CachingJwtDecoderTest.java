package org.duban.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.duban.gateway.testing.TokenFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CachingJwtDecoderTest {

    private final MovableClock clock = new MovableClock(Instant.now());
    private final JwtTimestampValidator timestamps = timestamps(clock);
    private final AtomicInteger verifications = new AtomicInteger();
    private final ReactiveJwtDecoder verifier = verifier(timestamps, verifications);

    @Test
    void verifiesTheSignatureOfATokenSentAgainOnlyOnce() {
        // given
        CachingJwtDecoder decoder = new CachingJwtDecoder(verifier, timestamps, 10, clock);
        String token = TokenFixtures.supervisorToken();

        // when
        Jwt first = decoder.decode(token).block();
        Jwt second = decoder.decode(token).block();

        // then
        assertThat(second.getClaims()).isEqualTo(first.getClaims());
        assertThat(verifications).hasValue(1);
    }

    @Test
    void refusesARememberedTokenOnceItHasExpiredAsWithoutTheCache() {
        // given a token valid for an hour, remembered
        CachingJwtDecoder decoder = new CachingJwtDecoder(verifier, timestamps, 10, clock);
        String token = TokenFixtures.supervisorToken();
        decoder.decode(token).block();

        // when
        clock.advance(Duration.ofHours(2));

        // then
        assertThatThrownBy(() -> decoder.decode(token).block()).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("Jwt expired");
        assertThatThrownBy(() -> verifier.decode(token).block()).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("Jwt expired");
        assertThat(decoder.size()).isZero();
    }

    @Test
    void answersARememberedTokenWithoutDecodingOnlyWhileItPassesEveryCheck() {
        // given
        CachingJwtDecoder decoder = new CachingJwtDecoder(verifier, timestamps, 10, clock);
        String token = TokenFixtures.supervisorToken();
        assertThat(decoder.remembered(token)).as("not verified yet").isNull();
        decoder.decode(token).block();

        // when
        Jwt remembered = decoder.remembered(token);
        clock.advance(Duration.ofHours(2));

        // then
        assertThat(remembered).isNotNull();
        assertThat(decoder.remembered(token)).as("expired").isNull();
        assertThat(decoder.size()).isZero();
        assertThat(verifications).hasValue(1);
    }

    @Test
    void neverRemembersATokenItRefused() {
        // given
        CachingJwtDecoder decoder = new CachingJwtDecoder(verifier, timestamps, 10, clock);
        String forged = TokenFixtures.tokenSignedByAnotherKey();

        // when
        for (int call = 0; call < 2; call++) {
            assertThatThrownBy(() -> decoder.decode(forged).block()).isInstanceOf(BadJwtException.class);
        }

        // then
        assertThat(verifications).hasValue(2);
        assertThat(decoder.size()).isZero();
    }

    private static JwtTimestampValidator timestamps(Clock clock) {
        JwtTimestampValidator validator = new JwtTimestampValidator(Duration.ZERO);
        validator.setClock(clock);
        return validator;
    }

    private static ReactiveJwtDecoder verifier(JwtTimestampValidator validator, AtomicInteger verifications) {
        NimbusReactiveJwtDecoder nimbus = NimbusReactiveJwtDecoder.withPublicKey(TokenFixtures.publicKey()).build();
        nimbus.setJwtValidator(validator);
        return token -> {
            verifications.incrementAndGet();
            return nimbus.decode(token);
        };
    }

    /** A clock the test moves forward. */
    private static final class MovableClock extends Clock {

        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
