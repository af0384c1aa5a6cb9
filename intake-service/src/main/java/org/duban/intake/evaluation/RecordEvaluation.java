package org.duban.intake.evaluation;

import java.util.Objects;

import org.duban.platform.domain.InvalidInput;

/** A rating for a matter, with an optional comment of at most 500 characters. */
public record RecordEvaluation(String caseId, Rating rating, String comment) {

    public static final int COMMENT_MAX = 500;

    public RecordEvaluation {
        Objects.requireNonNull(caseId, "caseId");
        if (rating == null) {
            throw new InvalidInput("rating", "is required");
        }
        if (!rating.givenByPetitioner()) {
            throw new InvalidInput("rating", "OVERDUE_UNRATED is recorded by the platform only, when the evaluation"
                    + " window closes unrated");
        }
        if (comment != null && comment.length() > COMMENT_MAX) {
            throw new InvalidInput("comment", "must be at most " + COMMENT_MAX + " characters");
        }
        if (comment != null && comment.isBlank()) {
            comment = null;
        }
    }
}
