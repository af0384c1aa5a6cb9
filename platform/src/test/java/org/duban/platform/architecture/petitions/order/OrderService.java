package org.duban.platform.architecture.petitions.order;

import java.time.Clock;
import java.time.Instant;
import org.duban.platform.architecture.petitions.reminder.Reminders;
import org.duban.platform.architecture.petitions.webhook.WebhookEndpoints;
import org.duban.platform.domain.NotFound;

/** A use case: plain Java, time from the injected clock, another feature through its port. */
public final class OrderService {

    private final Orders orders;
    private final Reminders reminders;
    private final Clock clock;

    public OrderService(Orders orders, Reminders reminders, Clock clock) {
        this.orders = orders;
        this.reminders = reminders;
        this.clock = clock;
    }

    public Order open(String id) {
        Order order = new Order(id, Instant.now(clock));
        orders.add(order);
        reminders.remindAbout(id, order.openedAt());
        return order;
    }

    public Order get(String id) {
        return orders.find(id).orElseThrow(() -> new NotFound("order", id));
    }

    public boolean notifies(WebhookEndpoints endpoints) {
        return endpoints.any();
    }
}
