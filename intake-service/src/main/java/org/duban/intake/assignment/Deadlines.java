package org.duban.intake.assignment;

import java.time.Instant;
import java.util.Objects;

import org.duban.platform.domain.InvalidInput;

/**
 * When an assignment was issued, by when it must be accepted and its result reported, and until when
 * the unit may object that the matter is not its own.
 */
public record Deadlines(Instant issuedAt, Instant acceptanceDueAt, Instant dueAt, Instant objectionDueAt) {

    public Deadlines {
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(acceptanceDueAt, "acceptanceDueAt");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(objectionDueAt, "objectionDueAt");
        if (!acceptanceDueAt.isAfter(issuedAt)) {
            throw new IllegalArgumentException("the acceptance deadline must lie after the issue time");
        }
        if (!dueAt.isAfter(acceptanceDueAt)) {
            throw new InvalidInput("dueAt", "must lie after the acceptance deadline " + acceptanceDueAt);
        }
    }
}
