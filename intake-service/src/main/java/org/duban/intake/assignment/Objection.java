package org.duban.intake.assignment;

import java.time.Instant;
import java.util.Objects;

/**
 * The unit's objection that the matter is not its own (异议退回) and, once decided, the supervisor's
 * answer: upheld (the matter goes to {@code reassignedAssignmentId}) or rejected.
 */
public record Objection(String reason, Instant objectedAt, Boolean upheld, Instant decidedAt,
        String reassignedAssignmentId) {

    public Objection {
        Texts.required("reason", reason, Texts.NOTE);
        Objects.requireNonNull(objectedAt, "objectedAt");
    }

    static Objection raised(String reason, Instant at) {
        return new Objection(reason, at, null, null, null);
    }

    Objection decided(boolean upheldNow, String reassignedTo, Instant at) {
        return new Objection(reason, objectedAt, upheldNow, at, reassignedTo);
    }
}
