package org.duban.intake.assignment;

import java.time.Instant;
import java.util.Objects;

/** What the unit reported while handling an accepted assignment (办理进展); {@code id} names it. */
public record ProgressNote(String id, String note, Instant reportedAt) {

    public ProgressNote {
        Objects.requireNonNull(id, "id");
        Texts.required("note", note, Texts.NOTE);
        Objects.requireNonNull(reportedAt, "reportedAt");
    }
}
