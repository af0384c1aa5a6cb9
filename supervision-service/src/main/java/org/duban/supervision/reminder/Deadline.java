package org.duban.supervision.reminder;

import java.time.Instant;
import java.util.Objects;

/** A deadline of one kind, ending at {@code at}. */
public record Deadline(DeadlineKind kind, Instant at) {

    public Deadline {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
    }
}
