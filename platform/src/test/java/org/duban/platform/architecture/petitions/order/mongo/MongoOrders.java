package org.duban.platform.architecture.petitions.order.mongo;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.duban.platform.architecture.petitions.order.Order;
import org.duban.platform.architecture.petitions.order.Orders;
import org.duban.platform.events.PendingEvents;

/** An adapter: the driver's types and the outbox are at home here. */
public final class MongoOrders implements Orders {

    private final Map<String, Document> documents = new HashMap<>();
    private PendingEvents events;

    @Override
    public void add(Order order) {
        documents.put(order.id(), new Document("_id", order.id()).append("openedAt", order.openedAt()));
    }

    @Override
    public Optional<Order> find(String id) {
        return Optional.ofNullable(documents.get(id))
                .map(document -> new Order(document.getString("_id"), null));
    }

    boolean hasEvents() {
        return events != null;
    }
}
