package org.duban.intake.evaluation;

import java.time.Clock;
import java.util.Optional;

import org.duban.contracts.events.Actor;
import org.duban.intake.assignment.AssignmentHandling;
import org.duban.intake.cases.CaseService;
import org.duban.intake.cases.PetitionCase;
import org.duban.platform.domain.Caller;
import org.duban.platform.domain.Ids;
import org.duban.platform.domain.Role;
import org.duban.platform.idempotency.IdempotentCreations;

/**
 * The petitioner's evaluation of a concluded matter (群众参评): entered by a supervisor, or sent by
 * the petitioner with the query code. The public call answers the same whatever happened, so it never
 * tells whether a code exists.
 */
public final class EvaluationService {

    private final Evaluations evaluations;
    private final CaseService cases;
    private final AssignmentHandling handling;
    private final EvaluationSupport support;

    public EvaluationService(Evaluations evaluations, CaseService cases, AssignmentHandling handling,
            EvaluationSupport support) {
        this.evaluations = evaluations;
        this.cases = cases;
        this.handling = handling;
        this.support = support;
    }

    /** A supervisor enters the petitioner's evaluation; it becomes the matter's current one. */
    public Recorded recordForPetitioner(Caller caller, RecordEvaluation request, String idempotencyKey) {
        caller.require(Role.SUPERVISOR);
        cases.find(request.caseId());
        return support.creations().create(caller, "record-evaluation", idempotencyKey, request, id -> {
            CaseEvaluations history = recorded(id, request, EvaluationChannel.SUPERVISOR, caller.asActor());
            evaluations.store(history);
            return new Recorded(history, id);
        }, id -> evaluations.containing(id).map(found -> new Recorded(found, id)));
    }

    /**
     * The petitioner's own evaluation with the query code. A code that belongs to no matter, or to a
     * matter not concluded, changes nothing; the caller learns neither.
     */
    public void recordFromPetitioner(PublicEvaluation request) {
        Optional<PetitionCase> matter = cases.findByQueryCode(request.queryCode());
        if (matter.isEmpty() || !handling.concluded(matter.get().id())) {
            return;
        }
        RecordEvaluation evaluation = request.forCase(matter.get().id());
        for (int attempt = 1; ; attempt++) {
            String id = Ids.newId(support.clock().instant());
            if (evaluations.tryStore(recorded(id, evaluation, EvaluationChannel.PUBLIC, Actor.petitioner()))) {
                return;
            }
            // another evaluation of the same matter came first: a 409 would tell the code exists
            if (attempt == 3) {
                throw new IllegalStateException("matter evaluated concurrently three times");
            }
        }
    }

    /** The matter's evaluations, newest first, the current one flagged (supervisor). */
    public CaseEvaluations history(Caller caller, String caseId) {
        caller.require(Role.SUPERVISOR);
        cases.find(caseId);
        return evaluations.forCase(caseId).orElseGet(() -> CaseEvaluations.none(caseId));
    }

    /** The matter's evaluations as read, with the new one recorded: not stored yet. */
    private CaseEvaluations recorded(String evaluationId, RecordEvaluation request, EvaluationChannel channel,
            Actor actor) {
        CaseEvaluations history = evaluations.forCase(request.caseId())
                .orElseGet(() -> CaseEvaluations.none(request.caseId()));
        history.record(evaluationId, request, channel, actor, handling.concluded(request.caseId()),
                support.clock().instant());
        return history;
    }

    /** An evaluation just recorded (or found again for a retried key), with the history it belongs to. */
    public record Recorded(CaseEvaluations history, String evaluationId) {

        public Evaluation evaluation() {
            return history.find(evaluationId).orElseThrow();
        }

        public boolean current() {
            return history.isCurrent(evaluationId);
        }
    }

    /** What the use cases need besides the stores: idempotent creation, the clock. */
    public record EvaluationSupport(IdempotentCreations creations, Clock clock) {
    }
}
