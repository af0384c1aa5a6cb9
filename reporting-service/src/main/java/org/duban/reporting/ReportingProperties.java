package org.duban.reporting;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The office's reporting settings ({@code duban.reporting.*}).
 *
 * @param repeatWindow a repeat petition registered within this time after a first-time matter was
 *                     concluded means it was not resolved the first time (一次性化解率)
 * @param weights      the unit scorecard's weights
 */
@ConfigurationProperties("duban.reporting")
record ReportingProperties(
        @DefaultValue("90d") Duration repeatWindow,
        @DefaultValue Weights weights) {

    /**
     * The scorecard's weights: score = Σ rate weight × percent − Σ count weight × count ({@code ScoreWeights} in
     * the OpenAPI document).
     *
     * @param onTimeCompletion  weight of the on-time completion rate (按期办结率), per percent
     * @param timelyAcceptance  weight of the timely acceptance rate (及时签收率), per percent
     * @param satisfaction      weight of the satisfaction rate (群众满意率), per percent
     * @param overdue           deducted per overdue assignment (超期)
     * @param sendBacks         deducted per assignment sent back (退回)
     * @param supervisionOrders deducted per supervision order (督办单)
     * @param measures          deducted per accountability measure (问责措施)
     */
    record Weights(
            @DefaultValue("0.4") double onTimeCompletion,
            @DefaultValue("0.2") double timelyAcceptance,
            @DefaultValue("0.4") double satisfaction,
            @DefaultValue("1.0") double overdue,
            @DefaultValue("2.0") double sendBacks,
            @DefaultValue("3.0") double supervisionOrders,
            @DefaultValue("5.0") double measures) {
    }
}
