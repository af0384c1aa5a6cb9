package org.duban.intake.evaluation.web;

import java.net.URI;
import java.time.ZoneOffset;

import org.duban.intake.api.EvaluationsApi;
import org.duban.intake.api.model.EvaluationHistory;
import org.duban.intake.api.model.EvaluationRating;
import org.duban.intake.api.model.PublicEvaluationReceipt;
import org.duban.intake.api.model.PublicEvaluationRequest;
import org.duban.intake.api.model.RecordEvaluationRequest;
import org.duban.intake.evaluation.CaseEvaluations;
import org.duban.intake.evaluation.Evaluation;
import org.duban.intake.evaluation.EvaluationService;
import org.duban.intake.evaluation.PublicEvaluation;
import org.duban.intake.evaluation.Rating;
import org.duban.intake.evaluation.RecordEvaluation;
import org.duban.platform.web.CurrentCaller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class EvaluationController implements EvaluationsApi {

    /** The one answer of the public endpoint, whatever the code: it must not tell whether a code exists. */
    static final String RECEIVED = "已收到您的评价。如查询码有效且事项已办结，评价将被记录。"
            + " Received: if the query code is valid and the matter concluded, the evaluation is recorded.";

    private final EvaluationService evaluations;
    private final CurrentCaller caller;

    EvaluationController(EvaluationService evaluations, CurrentCaller caller) {
        this.evaluations = evaluations;
        this.caller = caller;
    }

    @Override
    public ResponseEntity<org.duban.intake.api.model.Evaluation> recordEvaluation(String caseId,
            RecordEvaluationRequest request, String idempotencyKey) {
        EvaluationService.Recorded recorded = evaluations.recordForPetitioner(caller.get(),
                new RecordEvaluation(caseId, rating(request.getRating()), request.getComment()), idempotencyKey);
        return ResponseEntity.created(URI.create("/api/v1/cases/" + caseId + "/evaluations"))
                .body(view(caseId, recorded.evaluation(), recorded.current()));
    }

    @Override
    public ResponseEntity<EvaluationHistory> listEvaluations(String caseId) {
        CaseEvaluations history = evaluations.history(caller.get(), caseId);
        return ResponseEntity.ok(new EvaluationHistory(caseId, history.newestFirst().stream()
                .map(evaluation -> view(caseId, evaluation, history.isCurrent(evaluation.id()))).toList()));
    }

    @Override
    public ResponseEntity<PublicEvaluationReceipt> submitPublicEvaluation(PublicEvaluationRequest request) {
        evaluations.recordFromPetitioner(new PublicEvaluation(request.getQueryCode(), rating(request.getRating()),
                request.getComment()));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new PublicEvaluationReceipt(RECEIVED));
    }

    private static Rating rating(org.duban.intake.api.model.Rating rating) {
        return rating == null ? null : Rating.valueOf(rating.getValue());
    }

    static org.duban.intake.api.model.Evaluation view(String caseId, Evaluation evaluation, boolean current) {
        return new org.duban.intake.api.model.Evaluation(evaluation.id(), caseId,
                EvaluationRating.fromValue(evaluation.rating().name()),
                org.duban.intake.api.model.Evaluation.ChannelEnum.fromValue(evaluation.channel().name()),
                evaluation.recordedAt().atOffset(ZoneOffset.UTC), current)
                .comment(evaluation.comment())
                .replacesEvaluationId(evaluation.replacesEvaluationId());
    }
}
