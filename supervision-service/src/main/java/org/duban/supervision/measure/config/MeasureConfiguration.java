package org.duban.supervision.measure.config;

import java.time.Clock;

import org.duban.platform.domain.ReportedTimes;
import org.duban.platform.events.PendingEvents;
import org.duban.platform.idempotency.IdempotentCreations;
import org.duban.supervision.deadline.AlertPolicy;
import org.duban.supervision.deadline.Support;
import org.duban.supervision.deadline.TrackedAssignments;
import org.duban.supervision.measure.MeasureReminders;
import org.duban.supervision.measure.MeasureService;
import org.duban.supervision.measure.Measures;
import org.duban.supervision.order.SupervisionOrders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the accountability measure feature. */
@Configuration(proxyBeanMethods = false)
class MeasureConfiguration {

    @Bean
    MeasureService measureService(Measures measures, TrackedAssignments assignments, SupervisionOrders orders,
            IdempotentCreations creations, PendingEvents events, Clock clock, ReportedTimes reportedTimes) {
        return new MeasureService(measures, assignments, orders, new Support(creations, events, clock), reportedTimes);
    }

    @Bean
    MeasureReminders measureReminders(Measures measures, AlertPolicy policy, PendingEvents events) {
        return new MeasureReminders(measures, policy, events);
    }
}
