package org.duban.supervision.escalation.web;

import org.duban.platform.web.CurrentCaller;
import org.duban.supervision.api.EscalationsApi;
import org.duban.supervision.api.model.EscalationReason;
import org.duban.supervision.api.model.EscalationStep;
import org.duban.supervision.escalation.EscalationProposal;
import org.duban.supervision.escalation.EscalationService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/supervisions/escalations?unitId=}: the ladder's proposal for a unit (nothing is issued). */
@RestController
class EscalationController implements EscalationsApi {

    private final EscalationService escalations;
    private final CurrentCaller caller;

    EscalationController(EscalationService escalations, CurrentCaller caller) {
        this.escalations = escalations;
        this.caller = caller;
    }

    @Override
    public ResponseEntity<org.duban.supervision.api.model.EscalationProposal> proposeEscalation(String unitId) {
        EscalationProposal proposal = escalations.propose(caller.get(), unitId);
        return ResponseEntity.ok(new org.duban.supervision.api.model.EscalationProposal(proposal.unitId(),
                proposal.ladder().stream().map(EscalationController::step).toList(),
                proposal.reasons().stream().map(reason -> new EscalationReason(
                        EscalationReason.CodeEnum.fromValue(reason.code().name()), reason.count(), reason.detail()))
                        .toList())
                .reachedStep(step(proposal.reachedStep()))
                .proposedStep(step(proposal.proposedStep())));
    }

    private static EscalationStep step(org.duban.supervision.escalation.EscalationStep step) {
        return step == null ? null : EscalationStep.fromValue(step.name());
    }
}
