package org.duban.platform.security;

import java.time.Clock;

import org.duban.contracts.token.VerifiedTokens;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Verifies a token's signature once while it is remembered ({@link VerifiedTokens}), as the gateway does: a client
 * sending the same token with every call no longer pays an RSA verification per request in each service (on the
 * launcher's C1-only JVMs, a fifth of the CPU of intake's request for an assignment). Every other check runs on each
 * call, and a token that fails one is decoded from scratch, which then answers exactly as without the cache.
 */
final class CachingJwtDecoder implements JwtDecoder {

    private final JwtDecoder verifier;
    private final VerifiedTokens<Jwt> verified;

    /** {@code verifier} checks signatures and {@code validator}; the same validator re-checks remembered tokens. */
    CachingJwtDecoder(JwtDecoder verifier, OAuth2TokenValidator<Jwt> validator, int capacity, Clock clock) {
        this.verifier = verifier;
        this.verified = new VerifiedTokens<>(capacity, clock, Jwt::getExpiresAt,
                jwt -> !validator.validate(jwt).hasErrors());
    }

    @Override
    public Jwt decode(String token) {
        Jwt known = verified.remembered(token);
        if (known != null) {
            return known;
        }
        Jwt jwt = verifier.decode(token);
        verified.remember(token, jwt);
        return jwt;
    }

    int size() {
        return verified.size();
    }
}
