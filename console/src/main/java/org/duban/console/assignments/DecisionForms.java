package org.duban.console.assignments;

/**
 * The decision forms of an assignment's page: blank when it is opened; after a refusal, the refused one
 * as it was typed (the others blank).
 */
record DecisionForms(ReviewForm review, ObjectionDecisionForm objection, ExtensionDecisionForm extension,
        CancelForm cancel) {

    static DecisionForms blank() {
        return new DecisionForms(ReviewForm.blank(), ObjectionDecisionForm.blank(), ExtensionDecisionForm.blank(),
                CancelForm.blank());
    }

    static DecisionForms typed(ReviewForm review) {
        return new DecisionForms(review, ObjectionDecisionForm.blank(), ExtensionDecisionForm.blank(),
                CancelForm.blank());
    }

    static DecisionForms typed(ObjectionDecisionForm objection) {
        return new DecisionForms(ReviewForm.blank(), objection, ExtensionDecisionForm.blank(), CancelForm.blank());
    }

    static DecisionForms typed(ExtensionDecisionForm extension) {
        return new DecisionForms(ReviewForm.blank(), ObjectionDecisionForm.blank(), extension, CancelForm.blank());
    }

    static DecisionForms typed(CancelForm cancel) {
        return new DecisionForms(ReviewForm.blank(), ObjectionDecisionForm.blank(), ExtensionDecisionForm.blank(),
                cancel);
    }
}
