package org.duban.intake.ratelimit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * At most {@code requests} calls per client in each fixed window of {@code window} (the public
 * endpoint, SPEC §5). The count lives in a shared store, so every instance sees the same budget. The
 * client's address is kept only as a hash.
 */
public final class RateLimit {

    private final int requests;
    private final Duration window;
    private final RateLimitCounters counters;
    private final Clock clock;

    public RateLimit(int requests, Duration window, RateLimitCounters counters, Clock clock) {
        if (requests < 1) {
            throw new IllegalArgumentException("a rate limit allows at least one request, not " + requests);
        }
        if (window.toSeconds() < 1) {
            throw new IllegalArgumentException("a rate limit window lasts at least one second, not " + window);
        }
        this.requests = requests;
        this.window = window;
        this.counters = counters;
        this.clock = clock;
    }

    /** Counts one call of {@code client} and says whether it is within the budget. */
    public Decision take(String client) {
        Instant now = clock.instant();
        long windowSeconds = window.toSeconds();
        long start = Math.floorDiv(now.getEpochSecond(), windowSeconds) * windowSeconds;
        Instant windowStart = Instant.ofEpochSecond(start);
        Instant windowEnd = windowStart.plus(window);
        long count = counters.increment(hash(client), windowStart, windowEnd.plus(window));
        if (count <= requests) {
            return new Decision(true, 0);
        }
        long untilEnd = Duration.between(now, windowEnd).toMillis();
        return new Decision(false, Math.max(1, (untilEnd + 999) / 1000));
    }

    public int requests() {
        return requests;
    }

    public Duration window() {
        return window;
    }

    private static String hash(String client) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(client.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Allowed, or refused with the seconds until the window ends. */
    public record Decision(boolean allowed, long retryAfterSeconds) {
    }
}
