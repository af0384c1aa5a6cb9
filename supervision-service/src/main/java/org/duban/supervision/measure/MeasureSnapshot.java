package org.duban.supervision.measure;

import java.time.Instant;

import org.duban.supervision.reminder.Reminded;

/**
 * A measure as stored: what {@link Measure#restore} reads and {@link Measure#snapshot} gives back.
 *
 * @param submission the unit's written self-review or rectification report, once submitted
 * @param held       the interview as recorded, once held
 * @param reminded   the last reminder issued, or null
 * @param version    the stored version it was read at; {@link Measure#UNSAVED} when new
 */
public record MeasureSnapshot(String id, MeasureKind kind, Concerns concerns, String reason, MeasureStatus status,
        Dates dates, Submission submission, Held held, Reminded reminded, long version) {

    /**
     * The unit it is issued to and what it is tied to.
     *
     * @param assignmentId  the assignment it is tied to, if any
     * @param caseId        the matter of that assignment or order, if any
     * @param supervisionId the supervision order it is tied to, if any
     */
    public record Concerns(String unitId, String assignmentId, String caseId, String supervisionId) {
    }

    /**
     * @param dueAt       when a submission is due (what asks for one), else null
     * @param scheduledAt when an interview is scheduled, else null
     * @param issuedAt    when it was issued
     */
    public record Dates(Instant dueAt, Instant scheduledAt, Instant issuedAt) {
    }

    public record Submission(String text, Instant at, boolean late) {
    }

    public record Held(Instant at, String minutes, Instant recordedAt) {
    }
}
