package org.duban.intake.assignment;

import java.time.Instant;
import java.util.Objects;

import org.duban.platform.domain.InvalidInput;

/** When an assignment was issued and by when it must be accepted and its result reported. */
public record Deadlines(Instant issuedAt, Instant acceptanceDueAt, Instant dueAt) {

    public Deadlines {
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(acceptanceDueAt, "acceptanceDueAt");
        Objects.requireNonNull(dueAt, "dueAt");
        if (!acceptanceDueAt.isAfter(issuedAt)) {
            throw new IllegalArgumentException("the acceptance deadline must lie after the issue time");
        }
        if (!dueAt.isAfter(acceptanceDueAt)) {
            throw new InvalidInput("dueAt", "must lie after the acceptance deadline " + acceptanceDueAt);
        }
    }
}
