package org.duban.intake.evaluation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.duban.contracts.events.Actor;
import org.duban.contracts.events.EvaluationRecorded;
import org.duban.platform.domain.AggregateRoot;
import org.duban.platform.domain.Conflict;

/**
 * The evaluations (群众参评) of one matter: its history, oldest first, of which the latest is the
 * current one. A new evaluation replaces the current one and both stay. Only a concluded matter (at
 * least one CONCLUDED assignment) is evaluated. A matter nobody rated by the time its evaluation window
 * closed is recorded as unrated (超期未评价, {@link Rating#OVERDUE_UNRATED}) by the platform; a later
 * rating replaces that like any other.
 */
public final class CaseEvaluations extends AggregateRoot<EvaluationRecorded> {

    /** The version of evaluations never stored. */
    public static final long NEW = -1;

    private final String caseId;
    private final long version;
    private final List<Evaluation> history;

    private CaseEvaluations(CaseEvaluationsSnapshot stored) {
        this.caseId = stored.caseId();
        this.version = stored.version();
        this.history = new ArrayList<>(stored.history());
    }

    /** A matter nobody has evaluated yet. */
    public static CaseEvaluations none(String caseId) {
        return new CaseEvaluations(new CaseEvaluationsSnapshot(caseId, List.of(), NEW));
    }

    /** Rebuilds a stored history. */
    public static CaseEvaluations restore(CaseEvaluationsSnapshot stored) {
        return new CaseEvaluations(stored);
    }

    /** The history as it is stored, oldest first. */
    public CaseEvaluationsSnapshot snapshot() {
        return new CaseEvaluationsSnapshot(caseId, history, version);
    }

    /**
     * Records an evaluation, which becomes the current one.
     *
     * @param concluded whether the matter has at least one CONCLUDED assignment
     */
    public Evaluation record(String evaluationId, RecordEvaluation request, EvaluationChannel channel, Actor actor,
            boolean concluded, Instant now) {
        if (!concluded) {
            throw new Conflict("case " + caseId + " has no concluded assignment: only a concluded matter can be"
                    + " evaluated (群众参评)");
        }
        String replaces = current().map(Evaluation::id).orElse(null);
        Evaluation evaluation = new Evaluation(evaluationId, request.rating(), request.comment(), channel, now,
                actor.subject(), replaces);
        history.add(evaluation);
        record(new EvaluationRecorded(caseId, evaluationId, request.rating().name(), replaces,
                channel.name(), now, actor));
        return evaluation;
    }

    /**
     * The evaluation window closed at {@code closedAt} with the matter still unrated: records
     * 超期未评价 as its current evaluation (channel SYSTEM, by {@code platform}). A matter evaluated before
     * — rated, or already recorded as unrated — is left as it is.
     *
     * @return whether it was recorded
     */
    public boolean closeWindowUnrated(String evaluationId, Instant closedAt, Actor platform) {
        if (!history.isEmpty()) {
            return false;
        }
        history.add(new Evaluation(evaluationId, Rating.OVERDUE_UNRATED, null, EvaluationChannel.SYSTEM, closedAt,
                platform.subject(), null));
        record(new EvaluationRecorded(caseId, evaluationId, Rating.OVERDUE_UNRATED.name(), null,
                EvaluationChannel.SYSTEM.name(), closedAt, platform));
        return true;
    }

    /** Whether the matter's current evaluation is the platform's 超期未评价. */
    public boolean unrated() {
        return current().map(evaluation -> evaluation.rating() == Rating.OVERDUE_UNRATED).orElse(false);
    }

    public Optional<Evaluation> current() {
        return history.isEmpty() ? Optional.empty() : Optional.of(history.get(history.size() - 1));
    }

    public boolean isCurrent(String evaluationId) {
        return current().map(evaluation -> evaluation.id().equals(evaluationId)).orElse(false);
    }

    public Optional<Evaluation> find(String evaluationId) {
        return history.stream().filter(evaluation -> evaluation.id().equals(evaluationId)).findFirst();
    }

    public List<Evaluation> oldestFirst() {
        return List.copyOf(history);
    }

    public List<Evaluation> newestFirst() {
        List<Evaluation> newest = new ArrayList<>(history);
        Collections.reverse(newest);
        return List.copyOf(newest);
    }

    public String caseId() {
        return caseId;
    }

    @Override
    public long version() {
        return version;
    }

    public boolean isNew() {
        return version == NEW;
    }
}
