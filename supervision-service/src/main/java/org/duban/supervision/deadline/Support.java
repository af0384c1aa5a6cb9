package org.duban.supervision.deadline;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.duban.platform.idempotency.IdempotentCreations;

/**
 * What the people-facing use cases of every feature need besides their stores: idempotent creation
 * and the time (at the store's precision, milliseconds).
 */
public record Support(IdempotentCreations creations, Clock clock) {

    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
