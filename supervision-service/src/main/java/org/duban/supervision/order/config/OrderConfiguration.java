package org.duban.supervision.order.config;

import java.time.Clock;

import org.duban.platform.events.PendingEvents;
import org.duban.platform.idempotency.IdempotentCreations;
import org.duban.supervision.deadline.AlertPolicy;
import org.duban.supervision.deadline.Support;
import org.duban.supervision.deadline.TrackedAssignments;
import org.duban.supervision.order.AutomaticOrders;
import org.duban.supervision.order.OrderReminders;
import org.duban.supervision.order.SupervisionOrderService;
import org.duban.supervision.order.SupervisionOrders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the supervision order feature. */
@Configuration(proxyBeanMethods = false)
class OrderConfiguration {

    @Bean
    AutomaticOrders automaticOrders(SupervisionOrders orders, OrderProperties properties, PendingEvents events) {
        return new AutomaticOrders(orders, properties.policy(), events);
    }

    @Bean
    OrderReminders orderReminders(SupervisionOrders orders, AlertPolicy policy, PendingEvents events) {
        return new OrderReminders(orders, policy, events);
    }

    @Bean
    SupervisionOrderService supervisionOrderService(SupervisionOrders orders, TrackedAssignments assignments,
            OrderProperties properties, IdempotentCreations creations, PendingEvents events, Clock clock) {
        return new SupervisionOrderService(orders, assignments, properties.policy(),
                new Support(creations, events, clock));
    }
}
