package org.duban.platform.architecture.petitions.order;

import java.util.Optional;

public interface Orders {

    void add(Order order);

    Optional<Order> find(String id);
}
