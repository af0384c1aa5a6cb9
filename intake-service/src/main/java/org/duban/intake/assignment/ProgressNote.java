package org.duban.intake.assignment;

import java.time.Instant;
import java.util.Objects;

/** What the unit reported while handling an accepted assignment (办理进展). */
public record ProgressNote(String note, Instant reportedAt) {

    public ProgressNote {
        Texts.required("note", note, Texts.NOTE);
        Objects.requireNonNull(reportedAt, "reportedAt");
    }
}
