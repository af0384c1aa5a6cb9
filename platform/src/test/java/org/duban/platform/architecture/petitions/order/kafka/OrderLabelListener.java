package org.duban.platform.architecture.petitions.order.kafka;

import org.duban.platform.architecture.DeliberateViolation;
import org.duban.platform.architecture.petitions.order.OrderService;
import org.duban.platform.architecture.petitions.web.OrderViews;
import org.springframework.stereotype.Component;

/** A listener borrowing the HTTP edge's views: the shared web package is for web adapters only. */
@Component
@DeliberateViolation("noFeatureReachesAnotherFeaturesAdapters")
class OrderLabelListener {

    private final OrderService orders;

    OrderLabelListener(OrderService orders) {
        this.orders = orders;
    }

    int onOrderSeen(String orderId) {
        return OrderViews.label(orders.get(orderId)).length();
    }
}
