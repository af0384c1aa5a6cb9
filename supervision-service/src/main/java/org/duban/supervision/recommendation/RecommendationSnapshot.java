package org.duban.supervision.recommendation;

import java.time.Instant;

import org.duban.supervision.reminder.Reminded;

/**
 * A recommendation as stored: what {@link Recommendation#restore} reads and {@link Recommendation#snapshot}
 * gives back.
 *
 * @param answer   null until answered
 * @param reminded the last reminder issued, or null
 * @param version  the stored version it was read at; {@link Recommendation#UNSAVED} when new
 */
public record RecommendationSnapshot(String id, RecommendationKind kind, Addressing addressing, String text,
        Instant feedbackDueAt, Answer answer, Instant issuedAt, Reminded reminded, long version) {

    /**
     * Whom it is addressed to and what it concerns.
     *
     * @param unitId       the unit it is addressed to (no addressee) or concerns; may be null with an addressee
     * @param addressee    a body outside the platform, whose answer a supervisor enters; null for a unit
     * @param assignmentId the assignment it is about, if any
     * @param caseId       that assignment's matter
     */
    public record Addressing(String unitId, String addressee, String assignmentId, String caseId) {
    }

    /** The written answer. */
    public record Answer(boolean adopted, String text, Instant at, boolean late) {
    }
}
