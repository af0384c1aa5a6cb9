package org.duban.supervision.deadline.config;

import java.time.Clock;

import org.duban.supervision.deadline.AlertPolicy;
import org.duban.supervision.deadline.AlertService;
import org.duban.supervision.deadline.DeadlineTrackingService;
import org.duban.supervision.deadline.TrackedAssignments;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the deadline feature's plain-Java use cases to their adapters and settings. */
@Configuration(proxyBeanMethods = false)
class DeadlineConfiguration {

    @Bean
    AlertPolicy alertPolicy(DeadlineProperties properties) {
        return new AlertPolicy(properties.yellowWindow());
    }

    @Bean
    DeadlineTrackingService deadlineTrackingService(TrackedAssignments assignments) {
        return new DeadlineTrackingService(assignments);
    }

    @Bean
    AlertService alertService(TrackedAssignments assignments, AlertPolicy policy, Clock clock) {
        return new AlertService(assignments, policy, clock);
    }
}
