package org.duban.platform.architecture.petitions.order.webhook;

import org.duban.platform.architecture.petitions.order.Order;
import org.duban.platform.architecture.petitions.webhook.WebhookEndpoints;

/** An outgoing adapter of the order feature, in a sub-package called webhook. */
public final class WebhookOrderNotifier {

    public boolean notify(Order order, WebhookEndpoints endpoints) {
        return order != null && endpoints.any();
    }
}
