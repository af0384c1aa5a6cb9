package org.duban.intake.evaluation;

import org.duban.platform.domain.InvalidInput;

/** What the petitioner sends on the public endpoint: the query code (查询码), a rating, a comment. */
public record PublicEvaluation(String queryCode, Rating rating, String comment) {

    public PublicEvaluation {
        if (queryCode == null || queryCode.isBlank()) {
            throw new InvalidInput("queryCode", "is required");
        }
        if (rating == null) {
            throw new InvalidInput("rating", "is required");
        }
        if (!rating.givenByPetitioner()) {
            throw new InvalidInput("rating", "OVERDUE_UNRATED is recorded by the platform only, when the evaluation"
                    + " window closes unrated");
        }
        if (comment != null && comment.length() > RecordEvaluation.COMMENT_MAX) {
            throw new InvalidInput("comment", "must be at most " + RecordEvaluation.COMMENT_MAX + " characters");
        }
    }

    /** The fields as a supervisor's entry has them, for the matter the code belongs to. */
    RecordEvaluation forCase(String caseId) {
        return new RecordEvaluation(caseId, rating, comment);
    }

    /** Never the code itself: logs and fingerprints must not carry it. */
    @Override
    public String toString() {
        return "PublicEvaluation[rating=" + rating + "]";
    }
}
