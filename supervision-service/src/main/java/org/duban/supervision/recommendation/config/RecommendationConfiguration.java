package org.duban.supervision.recommendation.config;

import java.time.Clock;
import java.time.Duration;

import org.duban.platform.events.PendingEvents;
import org.duban.platform.idempotency.IdempotentCreations;
import org.duban.supervision.deadline.AlertPolicy;
import org.duban.supervision.deadline.Support;
import org.duban.supervision.deadline.TrackedAssignments;
import org.duban.supervision.recommendation.RecommendationReminders;
import org.duban.supervision.recommendation.RecommendationService;
import org.duban.supervision.recommendation.Recommendations;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the recommendation feature; {@code duban.supervision.recommendation-answer-period} (30 days). */
@Configuration(proxyBeanMethods = false)
class RecommendationConfiguration {

    @Bean
    RecommendationService recommendationService(Recommendations recommendations, TrackedAssignments assignments,
            @Value("${duban.supervision.recommendation-answer-period:30d}") Duration answerPeriod,
            IdempotentCreations creations, PendingEvents events, Clock clock) {
        return new RecommendationService(recommendations, assignments, answerPeriod,
                new Support(creations, events, clock));
    }

    @Bean
    RecommendationReminders recommendationReminders(Recommendations recommendations, AlertPolicy policy,
            PendingEvents events) {
        return new RecommendationReminders(recommendations, policy, events);
    }
}
