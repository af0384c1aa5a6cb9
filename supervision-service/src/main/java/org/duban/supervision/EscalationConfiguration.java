package org.duban.supervision;

import java.time.Clock;
import java.util.List;

import org.duban.supervision.deadline.TrackedAssignments;
import org.duban.supervision.escalation.EscalationLadder;
import org.duban.supervision.escalation.EscalationService;
import org.duban.supervision.escalation.EscalationStep;
import org.duban.supervision.measure.Measures;
import org.duban.supervision.order.SupervisionOrders;
import org.duban.supervision.recommendation.Recommendations;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the escalation ladder ({@code duban.supervision.escalation-ladder}, a comma-separated list of steps). */
@Configuration(proxyBeanMethods = false)
class EscalationConfiguration {

    @Bean
    EscalationService escalationService(TrackedAssignments assignments, SupervisionOrders orders,
            Recommendations recommendations, Measures measures,
            @Value("${duban.supervision.escalation-ladder:REMINDER,SUPERVISION_ORDER,NOTICE,WRITTEN_SELF_REVIEW,INTERVIEW}")
            List<EscalationStep> ladder, Clock clock) {
        return new EscalationService(assignments, orders, recommendations, measures, new EscalationLadder(ladder), clock);
    }
}
