package org.duban.supervision;

import java.time.Clock;
import java.util.List;

import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.duban.platform.events.PendingEvents;
import org.duban.platform.idempotency.IdempotentCreations;
import org.duban.platform.idempotency.mongo.MongoIdempotencyKeys;
import org.duban.platform.outbox.AggregateWriter;
import org.duban.supervision.deadline.AlertService;
import org.duban.supervision.deadline.AssignmentReminders;
import org.duban.supervision.deadline.DeadlineTrackingService;
import org.duban.supervision.deadline.OverdueAssignments;
import org.duban.supervision.deadline.TrackedAssignments;
import org.duban.supervision.deadline.mongo.MongoTrackedAssignments;
import org.duban.supervision.reminder.AlertPolicy;
import org.duban.supervision.reminder.WatchedSubjects;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the deadline feature (tracked assignments, the alert board) to its adapters and settings. */
@Configuration(proxyBeanMethods = false)
class DeadlineConfiguration {

    @Bean
    MongoTrackedAssignments trackedAssignments(MongoDatabase database, AggregateWriter writer, PendingEvents events,
            AlertPolicy policy) {
        return new MongoTrackedAssignments(database, writer, events, policy);
    }

    @Bean
    DeadlineTrackingService deadlineTrackingService(TrackedAssignments assignments) {
        return new DeadlineTrackingService(assignments);
    }

    @Bean
    AlertService alertService(TrackedAssignments assignments, List<WatchedSubjects> others, AlertPolicy policy,
            Clock clock) {
        return new AlertService(assignments, others, policy, clock);
    }

    /** {@code duban_supervision_assignments_overdue}: open assignments past their deadline, counted at each scrape. */
    @Bean
    Gauge overdueAssignmentsGauge(AlertService alerts, MeterRegistry meters) {
        return Gauge.builder("duban.supervision.assignments.overdue", alerts, AlertService::overdueAssignments)
                .description("open assignments past their applicable deadline").register(meters);
    }

    @Bean
    AssignmentReminders assignmentReminders(TrackedAssignments assignments, AlertPolicy policy,
            ObjectProvider<OverdueAssignments> overdue) {
        return new AssignmentReminders(assignments, policy, overdue.getIfAvailable(() -> OverdueAssignments.NONE));
    }

    /** Makes every creating call of this service safe to retry (platform, collection {@code idempotency_keys}). */
    @Bean
    IdempotentCreations idempotentCreations(MongoDatabase database, Clock clock, DeadlineProperties properties) {
        return new IdempotentCreations(
                new MongoIdempotencyKeys(database, clock, properties.idempotencyRetention()), clock);
    }
}
