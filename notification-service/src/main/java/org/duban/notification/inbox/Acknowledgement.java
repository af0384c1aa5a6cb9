package org.duban.notification.inbox;

import java.time.Instant;
import java.util.Objects;

/**
 * A unit's acknowledgement of a message: the proof that it was told (送达).
 *
 * @param at when the unit acknowledged it
 * @param by who acknowledged it (the token's subject)
 */
public record Acknowledgement(Instant at, String by) {

    public Acknowledgement {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(by, "by");
    }
}
