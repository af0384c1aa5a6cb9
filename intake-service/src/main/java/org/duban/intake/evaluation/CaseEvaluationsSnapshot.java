package org.duban.intake.evaluation;

import java.util.List;
import java.util.Objects;

/**
 * A matter's evaluations, whole, as they are stored: the history oldest first and the version it was stored
 * at ({@link CaseEvaluations#NEW} for a history never stored).
 */
public record CaseEvaluationsSnapshot(String caseId, List<Evaluation> history, long version) {

    public CaseEvaluationsSnapshot {
        Objects.requireNonNull(caseId, "caseId");
        history = List.copyOf(history);
    }
}
