package org.duban.gateway.security;

import java.time.Clock;

import org.duban.contracts.token.VerifiedTokens;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Verifies a token's signature once while it is remembered ({@link VerifiedTokens}); every other check runs on each
 * call, and a token that fails one is decoded from scratch, which then answers exactly as without the cache.
 */
final class CachingJwtDecoder implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder verifier;
    private final VerifiedTokens<Jwt> verified;

    /** {@code verifier} checks signatures and {@code validator}; the same validator re-checks remembered tokens. */
    CachingJwtDecoder(ReactiveJwtDecoder verifier, OAuth2TokenValidator<Jwt> validator, int capacity, Clock clock) {
        this.verifier = verifier;
        this.verified = new VerifiedTokens<>(capacity, clock, Jwt::getExpiresAt,
                jwt -> !validator.validate(jwt).hasErrors());
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = verified.remembered(token);
        if (known != null) {
            return Mono.just(known);
        }
        return verifier.decode(token).doOnNext(jwt -> verified.remember(token, jwt));
    }

    /**
     * The token's claims when it is remembered and passes every check again, else null (then {@link #decode}
     * verifies it): what the forwarder asks first, without a {@link Mono} per request.
     */
    Jwt remembered(String token) {
        return verified.remembered(token);
    }

    int size() {
        return verified.size();
    }
}
