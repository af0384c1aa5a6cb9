package org.duban.notification.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When to try again: {@code delays[0]} before the first attempt, {@code delays[n]} after the n-th
 * failed one, each stretched or shrunk by up to {@code jitter} (0.1 = ±10 %) so that many deliveries
 * failing together do not return together. A receiver's {@code Retry-After} pushes the next attempt
 * later, never earlier, and never further than the schedule's longest step: a receiver cannot put a
 * delivery off indefinitely (nor make its time overflow). After the last delay's attempt the delivery has
 * failed for good.
 */
public final class RetrySchedule {

    private final List<Duration> delays;
    private final Duration longest;
    private final double jitter;
    private final DoubleSupplier random;

    /** @param random a source of numbers in [0, 1) */
    public RetrySchedule(List<Duration> delays, double jitter, DoubleSupplier random) {
        if (delays.isEmpty()) {
            throw new IllegalArgumentException("a retry schedule needs at least one delay");
        }
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("jitter must be in [0, 1)");
        }
        this.delays = List.copyOf(delays);
        this.longest = this.delays.stream().max(Duration::compareTo).orElseThrow();
        this.jitter = jitter;
        this.random = random;
    }

    /** How many attempts one round of the schedule makes. */
    public int attempts() {
        return delays.size();
    }

    /** The longest step of the schedule: the most a receiver's {@code Retry-After} can put an attempt off. */
    public Duration longestDelay() {
        return longest;
    }

    public Instant first(Instant now) {
        return now.plus(jittered(delays.get(0)));
    }

    /**
     * The time of the next attempt after {@code attemptsMade} attempts of this round, or empty when
     * the round is over.
     *
     * @param retryAfter the receiver's {@code Retry-After} (null: none; negative: ignored), capped at
     *                   {@link #longestDelay()}
     */
    public Optional<Instant> next(int attemptsMade, Instant now, Duration retryAfter) {
        if (attemptsMade >= delays.size()) {
            return Optional.empty();
        }
        Instant scheduled = now.plus(jittered(delays.get(attemptsMade)));
        if (retryAfter != null && !retryAfter.isNegative()) {
            Instant asked = now.plus(retryAfter.compareTo(longest) > 0 ? longest : retryAfter);
            if (asked.isAfter(scheduled)) {
                return Optional.of(asked);
            }
        }
        return Optional.of(scheduled);
    }

    private Duration jittered(Duration delay) {
        if (jitter == 0 || delay.isZero()) {
            return delay;
        }
        double factor = 1 + jitter * (2 * random.getAsDouble() - 1);
        return Duration.ofMillis(Math.round(delay.toMillis() * factor));
    }
}
