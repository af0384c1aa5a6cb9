package org.duban.notification.delivery;

import java.time.Duration;

/**
 * What a transport reports after trying once.
 *
 * @param attempted  false when nothing was sent (the receiver's circuit breaker is open); the delivery
 *                   waits {@code retryAfter} and no attempt is counted
 * @param succeeded  the receiver took it (2xx; the SMTP server accepted it)
 * @param status     the HTTP status, or null
 * @param error      why it failed, or null
 * @param retryAfter the receiver's {@code Retry-After}, or null
 * @param permanent  retrying is pointless (410 Gone, the endpoint was removed or disabled)
 */
public record AttemptOutcome(boolean attempted, boolean succeeded, Integer status, long latencyMillis, String error,
        Duration retryAfter, boolean permanent) {

    public static AttemptOutcome success(Integer status, long latencyMillis) {
        return new AttemptOutcome(true, true, status, latencyMillis, null, null, false);
    }

    public static AttemptOutcome failure(Integer status, long latencyMillis, String error, Duration retryAfter) {
        return new AttemptOutcome(true, false, status, latencyMillis, error, retryAfter, false);
    }

    public static AttemptOutcome permanentFailure(Integer status, long latencyMillis, String error) {
        return new AttemptOutcome(true, false, status, latencyMillis, error, null, true);
    }

    public static AttemptOutcome notAttempted(Duration retryAfter) {
        return new AttemptOutcome(false, false, null, 0, null, retryAfter, false);
    }
}
