package org.duban.console.supervision.escalations;

import java.util.ArrayList;
import java.util.List;

import org.duban.client.supervision.model.EscalationProposal;
import org.duban.client.supervision.model.EscalationStep;

/**
 * The office's escalation ladder for one unit, step by step, as the page shows it.
 *
 * @param reachedStep  the highest step already taken, or null
 * @param proposedStep the step the platform proposes, or null when it proposes none
 */
record LadderView(List<Step> steps, String reachedStep, String proposedStep) {

    /** The measures a step of the ladder is taken with (the measure form, prefilled with the kind). */
    private static final List<EscalationStep> MEASURES = List.of(EscalationStep.NOTICE,
            EscalationStep.WRITTEN_SELF_REVIEW, EscalationStep.INTERVIEW, EscalationStep.LISTED_SUPERVISION,
            EscalationStep.RECTIFICATION_ORDER);

    /**
     * One step.
     *
     * @param number   its place on the ladder, from 1
     * @param taken    at or below the step reached
     * @param reached  the highest step taken
     * @param proposed the step proposed
     * @param action   how a person takes it: MEASURE (a form), SUPERVISION_ORDER (pick an assignment) or
     *                 AUTOMATIC (reminders are sent by the platform)
     */
    record Step(int number, String step, boolean taken, boolean reached, boolean proposed, String action) {

        /** The step's CSS modifiers (built here: a template expression cannot hold "__"). */
        public String modifiers() {
            StringBuilder classes = new StringBuilder();
            if (taken) {
                classes.append(" ladder__step--taken");
            }
            if (reached) {
                classes.append(" ladder__step--reached");
            }
            if (proposed) {
                classes.append(" ladder__step--proposed");
            }
            return classes.toString().strip();
        }
    }

    static LadderView of(EscalationProposal proposal) {
        List<EscalationStep> ladder = proposal.getLadder();
        EscalationStep reached = proposal.getReachedStep();
        int reachedAt = reached == null ? -1 : ladder.indexOf(reached);
        List<Step> steps = new ArrayList<>();
        for (int index = 0; index < ladder.size(); index++) {
            EscalationStep step = ladder.get(index);
            steps.add(new Step(index + 1, step.getValue(), index <= reachedAt, step == reached,
                    step == proposal.getProposedStep(), action(step)));
        }
        return new LadderView(List.copyOf(steps), reached == null ? null : reached.getValue(),
                proposal.getProposedStep() == null ? null : proposal.getProposedStep().getValue());
    }

    private static String action(EscalationStep step) {
        if (MEASURES.contains(step)) {
            return "MEASURE";
        }
        return step == EscalationStep.SUPERVISION_ORDER ? "SUPERVISION_ORDER" : "AUTOMATIC";
    }
}
