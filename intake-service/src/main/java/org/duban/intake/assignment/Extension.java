package org.duban.intake.assignment;

import java.time.Instant;
import java.util.Objects;

import org.duban.platform.domain.InvalidInput;

/** One request to move the result deadline (延期), asked by the unit and decided by a supervisor. */
public record Extension(String id, int days, String reason, Instant requestedAt, Status status, String note,
        Instant decidedAt) {

    /** At most this many days of extension per assignment, approved and pending together [34]. */
    public static final int MAX_TOTAL_DAYS = 30;

    public enum Status { PENDING, APPROVED, REJECTED }

    public Extension {
        Objects.requireNonNull(id, "id");
        if (days < 1) {
            throw new InvalidInput("days", "must be at least 1");
        }
        Texts.required("reason", reason, Texts.NOTE);
        Objects.requireNonNull(requestedAt, "requestedAt");
        Objects.requireNonNull(status, "status");
        Texts.optional("note", note, Texts.NOTE);
    }

    static Extension requested(String id, int days, String reason, Instant at) {
        return new Extension(id, days, reason, at, Status.PENDING, null, null);
    }

    Extension decided(boolean approved, String decisionNote, Instant at) {
        return new Extension(id, days, reason, requestedAt, approved ? Status.APPROVED : Status.REJECTED,
                Texts.optional("note", decisionNote, Texts.NOTE), at);
    }

    boolean pending() {
        return status == Status.PENDING;
    }
}
