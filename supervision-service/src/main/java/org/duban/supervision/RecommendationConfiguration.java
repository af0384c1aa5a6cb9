package org.duban.supervision;

import java.time.Clock;
import java.time.Duration;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.duban.platform.events.PendingEvents;
import org.duban.platform.idempotency.IdempotentCreations;
import org.duban.platform.outbox.AggregateWriter;
import org.duban.supervision.deadline.Support;
import org.duban.supervision.deadline.TrackedAssignments;
import org.duban.supervision.recommendation.Recommendation;
import org.duban.supervision.recommendation.RecommendationReminders;
import org.duban.supervision.recommendation.RecommendationService;
import org.duban.supervision.recommendation.Recommendations;
import org.duban.supervision.recommendation.mongo.MongoRecommendations;
import org.duban.supervision.reminder.AlertKind;
import org.duban.supervision.reminder.AlertPolicy;
import org.duban.supervision.reminder.mongo.MongoRemindables;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the recommendation feature; {@code duban.supervision.recommendation-answer-period} (30 days). */
@Configuration(proxyBeanMethods = false)
class RecommendationConfiguration {

    /** The recommendations as reminded subjects and lines of the board (a unit's: only those addressed to it). */
    @Bean
    MongoRemindables<Recommendation> recommendationRemindables(MongoDatabase database, AggregateWriter writer,
            PendingEvents events, AlertPolicy policy) {
        return new MongoRemindables<>(collection(database), writer, events, policy, new MongoRemindables.Mapping<>(
                AlertKind.RECOMMENDATION, MongoRecommendations::ownFields, MongoRecommendations::fromDocument,
                Recommendation::issuedAt, MongoRecommendations.ADDRESSED_TO_UNIT));
    }

    @Bean
    MongoRecommendations recommendations(MongoDatabase database, MongoRemindables<Recommendation> remindables) {
        return new MongoRecommendations(collection(database), remindables);
    }

    @Bean
    RecommendationService recommendationService(Recommendations recommendations, TrackedAssignments assignments,
            @Value("${duban.supervision.recommendation-answer-period:30d}") Duration answerPeriod,
            IdempotentCreations creations, Clock clock) {
        return new RecommendationService(recommendations, assignments, answerPeriod,
                new Support(creations, clock));
    }

    @Bean
    RecommendationReminders recommendationReminders(Recommendations recommendations, AlertPolicy policy) {
        return new RecommendationReminders(recommendations, policy);
    }

    private static MongoCollection<Document> collection(MongoDatabase database) {
        return database.getCollection(MongoRecommendations.COLLECTION);
    }
}
