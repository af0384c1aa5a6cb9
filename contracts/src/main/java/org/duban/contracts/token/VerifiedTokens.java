package org.duban.contracts.token;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Access tokens whose signature was verified, remembered so that a caller sending the same bearer token with every
 * call pays for the RSA verification (most of what checking a token costs) once, not on every request — in the
 * gateway, and again in each service, which checks every token itself. Only the signature is taken on trust: a
 * remembered token passes {@code stillValid} (expiry, issuer, audience, the unit/office rule) on every call and is
 * forgotten the first time it does not, so that it is then checked from scratch and refused exactly as it would be
 * without this. At most {@code capacity} tokens are kept, each for at most {@link #MAX_AGE} — as long as Nimbus
 * keeps an identity provider's JWKS, so a key withdrawn there stops counting as soon as it would without this —
 * and never past its expiry. Keyed by the token itself: a digest of it cost a share of a request's CPU, and the
 * claims remembered hold the token's text anyway.
 *
 * @param <C> the verified claims (Spring Security's {@code Jwt})
 */
public final class VerifiedTokens<C> {

    public static final Duration MAX_AGE = Duration.ofMinutes(5);

    private record Verified<C>(C claims, Instant at) {
    }

    private final int capacity;
    private final InstantSource clock;
    private final Function<C, Instant> expiresAt;
    private final Predicate<C> stillValid;
    private final ConcurrentHashMap<String, Verified<C>> verified = new ConcurrentHashMap<>();

    /**
     * @param expiresAt  the claims' expiry, null when they have none
     * @param stillValid every check but the signature's, made again on each call
     */
    public VerifiedTokens(int capacity, InstantSource clock, Function<C, Instant> expiresAt, Predicate<C> stillValid) {
        this.capacity = capacity;
        this.clock = clock;
        this.expiresAt = expiresAt;
        this.stillValid = stillValid;
    }

    /** The claims of the token when it is remembered and passes every check again, else null: verify it then. */
    public C remembered(String token) {
        Verified<C> known = verified.get(token);
        if (known == null) {
            return null;
        }
        if (fresh(known, clock.instant()) && stillValid.test(known.claims())) {
            return known.claims();
        }
        verified.remove(token, known);
        return null;
    }

    /** Remembers a token whose signature and claims were just verified. */
    public void remember(String token, C claims) {
        Instant now = clock.instant();
        if (verified.size() >= capacity) {
            verified.values().removeIf(entry -> !fresh(entry, now));
            if (verified.size() >= capacity) {
                verified.clear();
            }
        }
        verified.put(token, new Verified<>(claims, now));
    }

    public int size() {
        return verified.size();
    }

    private boolean fresh(Verified<C> entry, Instant now) {
        Instant expiry = expiresAt.apply(entry.claims());
        return entry.at().plus(MAX_AGE).isAfter(now) && (expiry == null || expiry.isAfter(now));
    }
}
