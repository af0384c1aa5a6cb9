package org.duban.intake.evaluation;

import java.util.Optional;

/** Where each matter's evaluations are kept, one history per matter, with the events it recorded. */
public interface Evaluations {

    Optional<CaseEvaluations> forCase(String caseId);

    /** The history holding the evaluation {@code evaluationId}. */
    Optional<CaseEvaluations> containing(String evaluationId);

    /**
     * Stores the history and its new events in one write: the first one inserted, later ones only if
     * nobody changed it since it was read. Fails with the store's {@code ConcurrentModification} (answered
     * 409) if somebody stored the matter's evaluations since they were read, its first one included.
     */
    void store(CaseEvaluations evaluations);

    /**
     * {@link #store(CaseEvaluations)}, answering false, and storing nothing, where somebody stored the
     * matter's evaluations since they were read.
     */
    boolean tryStore(CaseEvaluations evaluations);
}
