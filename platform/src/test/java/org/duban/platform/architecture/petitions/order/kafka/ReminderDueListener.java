package org.duban.platform.architecture.petitions.order.kafka;

import org.duban.platform.architecture.petitions.order.OrderService;
import org.springframework.stereotype.Component;

@Component
class ReminderDueListener {

    private final OrderService orders;

    ReminderDueListener(OrderService orders) {
        this.orders = orders;
    }

    void onReminderDue(String orderId) {
        orders.get(orderId);
    }
}
