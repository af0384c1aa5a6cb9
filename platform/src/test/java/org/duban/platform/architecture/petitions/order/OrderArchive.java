package org.duban.platform.architecture.petitions.order;

import org.duban.platform.architecture.DeliberateViolation;
import org.duban.platform.architecture.petitions.order.mongo.MongoOrders;

/** A use case holding its own adapter instead of the port. */
@DeliberateViolation("featureCodeDependsOnNoAdapter")
final class OrderArchive {

    private final MongoOrders orders = new MongoOrders();

    boolean has(String id) {
        return orders.find(id).isPresent();
    }
}
