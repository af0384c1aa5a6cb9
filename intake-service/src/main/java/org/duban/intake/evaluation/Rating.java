package org.duban.intake.evaluation;

/**
 * A rating in a matter's evaluations (群众参评): the petitioner's 满意, 基本满意, 不满意 — or 超期未评价
 * ({@link #OVERDUE_UNRATED}), which only the platform records, when the evaluation window closes with
 * no rating ({@link CaseEvaluations#closeWindowUnrated}).
 */
public enum Rating {
    SATISFIED, BASICALLY_SATISFIED, DISSATISFIED, OVERDUE_UNRATED;

    /** Whether a petitioner (or a supervisor for them) may give this rating. */
    public boolean givenByPetitioner() {
        return this != OVERDUE_UNRATED;
    }
}
