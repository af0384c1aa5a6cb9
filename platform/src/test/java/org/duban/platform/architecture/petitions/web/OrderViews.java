package org.duban.platform.architecture.petitions.web;

import org.duban.platform.architecture.petitions.api.model.OrderBody;
import org.duban.platform.architecture.petitions.order.Order;

/** The web edge the features' web adapters share: it may show any feature's values, and it is no feature. */
public final class OrderViews {

    private OrderViews() {
    }

    public static OrderBody view(Order order) {
        return new OrderBody(order.id());
    }

    public static String label(Order order) {
        return "order " + order.id();
    }
}
