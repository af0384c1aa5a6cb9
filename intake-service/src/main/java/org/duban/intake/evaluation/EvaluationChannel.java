package org.duban.intake.evaluation;

/**
 * How an evaluation came in: entered by a supervisor for the petitioner, by the petitioner with the
 * query code, or recorded by the platform itself (超期未评价 when the evaluation window closed unrated).
 */
public enum EvaluationChannel {
    SUPERVISOR, PUBLIC, SYSTEM
}
