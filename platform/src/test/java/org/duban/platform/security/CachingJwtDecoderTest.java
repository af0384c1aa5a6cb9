package org.duban.platform.security;

import java.io.IOException;
import java.io.InputStream;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.duban.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.UrlResource;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CachingJwtDecoderTest {

    private final AtomicBoolean refusing = new AtomicBoolean();
    /** Stands for the checks besides the signature (expiry, issuer, audience, the unit rule): they can start to fail. */
    private final OAuth2TokenValidator<Jwt> checks = jwt -> refusing.get()
            ? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "Jwt expired", null))
            : OAuth2TokenValidatorResult.success();
    private final AtomicInteger verifications = new AtomicInteger();
    private final CachingJwtDecoder decoder = new CachingJwtDecoder(verifier(), checks, 10, Clock.systemUTC());

    @Test
    void verifiesTheSignatureOfATokenSentAgainOnlyOnce() {
        // given
        String token = TestTokens.supervisor("zhang.wei");

        // when
        Jwt first = decoder.decode(token);
        Jwt second = decoder.decode(token);

        // then
        assertThat(second.getClaims()).isEqualTo(first.getClaims());
        assertThat(second.getSubject()).isEqualTo("zhang.wei");
        assertThat(verifications).hasValue(1);
    }

    @Test
    void refusesARememberedTokenThatFailsACheckAsItWouldWithoutTheCache() {
        // given
        String token = TestTokens.supervisor("zhang.wei");
        decoder.decode(token);

        // when
        refusing.set(true);

        // then
        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("Jwt expired");
        assertThatThrownBy(() -> verifier().decode(token)).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("Jwt expired");
        assertThat(decoder.size()).isZero();
    }

    @Test
    void neverRemembersATokenWhoseSignatureItRefused() {
        // given a token whose signature is not the key's
        String token = TestTokens.supervisor("zhang.wei");
        String forged = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");

        // when
        for (int call = 0; call < 2; call++) {
            assertThatThrownBy(() -> decoder.decode(forged)).isInstanceOf(BadJwtException.class);
        }

        // then
        assertThat(verifications).hasValue(2);
        assertThat(decoder.size()).isZero();
        assertThat(decoder.decode(token).getSubject()).as("the genuine token still verifies").isEqualTo("zhang.wei");
    }

    private JwtDecoder verifier() {
        NimbusJwtDecoder nimbus = NimbusJwtDecoder.withPublicKey(publicKey()).build();
        nimbus.setJwtValidator(checks);
        return token -> {
            verifications.incrementAndGet();
            return nimbus.decode(token);
        };
    }

    private static RSAPublicKey publicKey() {
        try (InputStream pem = new UrlResource(TestTokens.publicKeyLocation()).getInputStream()) {
            return RsaKeyConverters.x509().convert(pem);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
