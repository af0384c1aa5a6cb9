package org.duban.notification.delivery;

import java.time.Instant;
import java.util.Objects;

/**
 * One try at delivering: when, what the receiver answered, how long it took, what went wrong.
 *
 * @param status the receiver's HTTP status (webhooks); null when there was no answer
 * @param error  null when the attempt succeeded
 */
public record Attempt(int number, Instant at, Integer status, long latencyMillis, String error) {

    public Attempt {
        Objects.requireNonNull(at, "at");
    }
}
