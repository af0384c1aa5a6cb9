package org.duban.gateway.devtoken;

import java.security.interfaces.RSAPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.duban.contracts.token.TokenClaims;

/**
 * Signs RS256 tokens for trying the platform locally: issuer {@code duban-local} (accepted only where the
 * {@code local} profile runs), audience {@code duban}, valid for 12 hours.
 */
class DevTokenIssuer {

    static final String ISSUER = TokenClaims.DEV_ISSUER;
    static final Duration VALIDITY = Duration.ofHours(12);

    private final JWSSigner signer;
    private final String audience;
    private final Clock clock;

    DevTokenIssuer(RSAPrivateKey privateKey, String audience, Clock clock) {
        this.signer = new RSASSASigner(privateKey);
        this.audience = audience;
        this.clock = clock;
    }

    IssuedToken issue(DevTokenClaims claims) {
        Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = issuedAt.plus(VALIDITY);
        JWTClaimsSet.Builder body = new JWTClaimsSet.Builder()
                .subject(claims.subject())
                .issuer(ISSUER)
                .audience(audience)
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(expiresAt))
                .claim("roles", claims.roles());
        if (claims.unitId() != null) {
            body.claim("unitId", claims.unitId());
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), body.build());
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign a dev token", e);
        }
        return new IssuedToken(jwt.serialize(), expiresAt);
    }
}
