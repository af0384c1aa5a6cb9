package org.duban.intake.evaluation;

/** The petitioner's rating (群众参评): 满意, 基本满意, 不满意. */
public enum Rating {
    SATISFIED, BASICALLY_SATISFIED, DISSATISFIED
}
