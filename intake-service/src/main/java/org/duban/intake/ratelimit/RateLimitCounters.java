package org.duban.intake.ratelimit;

import java.time.Instant;

/** Counters shared by every instance: one per client key and window. */
public interface RateLimitCounters {

    /**
     * Adds one to the counter of {@code key} in the window starting at {@code windowStart}, creating it
     * if needed, atomically; answers the count after the increment. The counter may be forgotten after
     * {@code expiresAt}.
     */
    long increment(String key, Instant windowStart, Instant expiresAt);
}
