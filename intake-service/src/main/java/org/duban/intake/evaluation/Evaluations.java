package org.duban.intake.evaluation;

import java.util.List;
import java.util.Optional;

import org.duban.platform.events.PendingEvent;

/** Where each matter's evaluations are kept, one history per matter, with its outbox. */
public interface Evaluations {

    Optional<CaseEvaluations> forCase(String caseId);

    /** The history holding the evaluation {@code evaluationId}. */
    Optional<CaseEvaluations> containing(String evaluationId);

    /**
     * Stores the history and its new events in one write: the first one inserted, later ones only if
     * nobody changed it since it was read.
     */
    void store(CaseEvaluations evaluations, List<PendingEvent> events);
}
