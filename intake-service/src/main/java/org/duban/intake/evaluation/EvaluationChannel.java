package org.duban.intake.evaluation;

/** How an evaluation came in: entered by a supervisor for the petitioner, or by the petitioner with the query code. */
public enum EvaluationChannel {
    SUPERVISOR, PUBLIC
}
