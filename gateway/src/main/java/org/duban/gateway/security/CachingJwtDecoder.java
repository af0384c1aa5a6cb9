package org.duban.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Remembers tokens whose signature was verified, so that a client sending the same bearer token with every
 * call pays for the RSA verification (most of a token's cost) once, not per request. Every other check runs
 * on each call as before: a remembered token is validated again (expiry, issuer, audience, the unit/office
 * rule) and, should that fail, forgotten and decoded from scratch, which then answers exactly as without
 * the cache. Only verified tokens are kept — at most {@code capacity}, each for at most {@link #MAX_AGE}
 * (as long as Nimbus keeps a JWKS, so a key withdrawn from the identity provider stops counting as soon as
 * it would without the cache) — keyed by the token itself (a digest of it cost a share of every request's CPU,
 * and the remembered {@link Jwt} holds the token's text anyway).
 */
final class CachingJwtDecoder implements ReactiveJwtDecoder {

    static final Duration MAX_AGE = Duration.ofMinutes(5);

    private record Verified(Jwt jwt, Instant at) {
    }

    private final ReactiveJwtDecoder verifier;
    private final OAuth2TokenValidator<Jwt> validator;
    private final int capacity;
    private final Clock clock;
    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();

    /** {@code verifier} checks signatures and {@code validator}; the same validator re-checks remembered tokens. */
    CachingJwtDecoder(ReactiveJwtDecoder verifier, OAuth2TokenValidator<Jwt> validator, int capacity, Clock clock) {
        this.verifier = verifier;
        this.validator = validator;
        this.capacity = capacity;
        this.clock = clock;
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = remembered(token);
        if (known != null) {
            return Mono.just(known);
        }
        return verifier.decode(token).doOnNext(jwt -> remember(token, jwt));
    }

    /**
     * The token's claims when it is remembered and passes every check again, else null (then {@link #decode}
     * verifies it): what the forwarder asks first, without a {@link Mono} per request.
     */
    Jwt remembered(String token) {
        Verified known = verified.get(token);
        if (known == null) {
            return null;
        }
        if (fresh(known, clock.instant()) && !validator.validate(known.jwt()).hasErrors()) {
            return known.jwt();
        }
        verified.remove(token, known);
        return null;
    }

    int size() {
        return verified.size();
    }

    private void remember(String key, Jwt jwt) {
        Instant now = clock.instant();
        if (verified.size() >= capacity) {
            verified.values().removeIf(entry -> !fresh(entry, now));
            if (verified.size() >= capacity) {
                verified.clear();
            }
        }
        verified.put(key, new Verified(jwt, now));
    }

    private static boolean fresh(Verified entry, Instant now) {
        Instant expiresAt = entry.jwt().getExpiresAt();
        return entry.at().plus(MAX_AGE).isAfter(now) && (expiresAt == null || expiresAt.isAfter(now));
    }

}
