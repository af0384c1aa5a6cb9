package org.duban.intake.evaluation;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Office policy: how long after a matter's first conclusion the petitioner may still be counted as
 * taking part in the evaluation (群众参评) before the platform records it as unrated (超期未评价).
 * A rating after that still counts and replaces the unrated one.
 */
public record EvaluationWindow(Duration length) {

    public EvaluationWindow {
        Objects.requireNonNull(length, "length");
        if (length.isNegative() || length.isZero()) {
            throw new IllegalArgumentException("the evaluation window must be positive: " + length);
        }
    }

    /** When the window of a matter first concluded at {@code concludedAt} closes. */
    public Instant closesAt(Instant concludedAt) {
        return concludedAt.plus(length);
    }

    /** The latest first conclusion whose window has closed by {@code now}. */
    public Instant closedForConclusionsUpTo(Instant now) {
        return now.minus(length);
    }
}
