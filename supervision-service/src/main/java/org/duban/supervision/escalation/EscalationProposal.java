package org.duban.supervision.escalation;

import java.util.List;

/**
 * What the ladder proposes for a unit: the highest step already taken, the next one, and why.
 * Without a reason nothing is proposed; a supervisor decides and issues it (nothing here is issued).
 *
 * @param reachedStep  null when no step of the ladder was taken yet
 * @param proposedStep null when there is no reason, or the ladder is exhausted
 */
public record EscalationProposal(String unitId, List<EscalationStep> ladder, EscalationStep reachedStep,
        EscalationStep proposedStep, List<Reason> reasons) {

    public record Reason(Code code, int count, String detail) {
    }

    public enum Code { OPEN_SUPERVISION_ORDERS, REPEATED_LATENESS, IGNORED_RECOMMENDATIONS }
}
