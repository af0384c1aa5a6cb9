package org.duban.intake.assignment;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import org.duban.platform.domain.InvalidInput;

/**
 * When an assignment was issued, by when it must be accepted and its result reported, and until when
 * the unit may object that the matter is not its own. An urgent assignment (急件) may be due before the
 * office's acceptance period ends: it must then be accepted by its result deadline, so the acceptance
 * deadline never lies after {@code dueAt}.
 *
 * @param provisional the deadlines counted through a provisional calendar year (暂定), to be counted again
 *                    when the year's official notice is added
 */
public record Deadlines(Instant issuedAt, Instant acceptanceDueAt, Instant dueAt, Instant objectionDueAt,
        Set<DeadlineKind> provisional) {

    public Deadlines {
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(acceptanceDueAt, "acceptanceDueAt");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(objectionDueAt, "objectionDueAt");
        if (!dueAt.isAfter(issuedAt)) {
            throw new InvalidInput("dueAt", "must lie after the issue time " + issuedAt);
        }
        if (!acceptanceDueAt.isAfter(issuedAt)) {
            throw new IllegalArgumentException("the acceptance deadline must lie after the issue time");
        }
        if (acceptanceDueAt.isAfter(dueAt)) {
            throw new IllegalArgumentException("the acceptance deadline " + acceptanceDueAt
                    + " must not lie after the result deadline " + dueAt);
        }
        provisional = provisional == null || provisional.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(provisional));
    }

    /** Deadlines none of which was counted on a provisional year. */
    public Deadlines(Instant issuedAt, Instant acceptanceDueAt, Instant dueAt, Instant objectionDueAt) {
        this(issuedAt, acceptanceDueAt, dueAt, objectionDueAt, Set.of());
    }

    /** Whether any deadline was counted through a provisional calendar year. */
    public boolean anyProvisional() {
        return !provisional.isEmpty();
    }
}
