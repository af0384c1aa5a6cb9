package org.duban.reporting.scorecard;

/**
 * The office's weights of the unit score: {@code score = Σ rate weight × percent − Σ count weight ×
 * count}; a rate without a denominator adds 0. The defaults reward finishing on time and satisfied
 * petitioners, and cost every overdue assignment, send-back, supervision order and measure.
 */
public record ScoreWeights(double onTimeCompletion, double timelyAcceptance, double satisfaction, double overdue,
        double sendBacks, double supervisionOrders, double measures) {

    public ScoreWeights {
        for (double weight : new double[] {onTimeCompletion, timelyAcceptance, satisfaction, overdue, sendBacks,
                supervisionOrders, measures}) {
            if (weight < 0 || Double.isNaN(weight) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException("a weight is a finite number ≥ 0: " + weight);
            }
        }
    }
}
