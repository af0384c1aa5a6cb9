package org.duban.gateway.devtoken;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.duban.gateway.problem.InvalidRequest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DevTokenIssuerTest {

    private static final Instant NOW = Instant.parse("2024-03-01T08:30:15.750Z");

    @Test
    void issuesATokenValidForTwelveHoursFromTheClock() throws Exception {
        // given
        KeyPair keys = rsaKeys();
        DevTokenIssuer issuer = new DevTokenIssuer((RSAPrivateKey) keys.getPrivate(), "duban",
                Clock.fixed(NOW, ZoneOffset.UTC));

        // when
        IssuedToken issued = issuer.issue(new DevTokenClaims("leader-1", List.of("LEADER"), null));

        // then
        SignedJWT jwt = SignedJWT.parse(issued.token());
        assertThat(jwt.verify(new RSASSAVerifier((RSAPublicKey) keys.getPublic()))).isTrue();
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssueTime()).isEqualTo(Date.from(Instant.parse("2024-03-01T08:30:15Z")));
        assertThat(claims.getExpirationTime()).isEqualTo(Date.from(Instant.parse("2024-03-01T20:30:15Z")));
        assertThat(issued.expiresAt()).isEqualTo(Instant.parse("2024-03-01T20:30:15Z"));
        assertThat(claims.getIssuer()).isEqualTo("duban-local");
        assertThat(claims.getClaims()).doesNotContainKey("unitId");
    }

    @Test
    void refusesAUnitWithABlankUnitId() {
        // given
        List<String> roles = List.of("SUPERVISOR", "UNIT");

        // when / then
        assertThatThrownBy(() -> new DevTokenClaims("clerk-1", roles, " "))
                .isInstanceOfSatisfying(InvalidRequest.class, invalid ->
                        assertThat(invalid.errors()).extracting("field").containsExactly("unitId"));
    }

    private static KeyPair rsaKeys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }
}
