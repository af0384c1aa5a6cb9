package org.duban.platform.architecture.petitions.api;

import org.duban.platform.architecture.petitions.api.model.OrderBody;

/** Stands for the interface the OpenAPI generator writes. */
public interface OrdersApi {

    OrderBody openOrder(OrderBody body);
}
