package org.duban.platform.architecture.petitions.order.web;

import org.duban.platform.architecture.petitions.api.OrdersApi;
import org.duban.platform.architecture.petitions.api.model.OrderBody;
import org.duban.platform.architecture.petitions.order.OrderService;
import org.duban.platform.architecture.petitions.web.OrderViews;
import org.springframework.web.bind.annotation.RestController;

@RestController
class OrderController implements OrdersApi {

    private final OrderService orders;

    OrderController(OrderService orders) {
        this.orders = orders;
    }

    @Override
    public OrderBody openOrder(OrderBody body) {
        return OrderViews.view(orders.open(body.id()));
    }
}
