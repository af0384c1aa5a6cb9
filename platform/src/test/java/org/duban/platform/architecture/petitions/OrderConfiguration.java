package org.duban.platform.architecture.petitions;

import java.time.Clock;
import org.duban.platform.architecture.petitions.order.OrderService;
import org.duban.platform.architecture.petitions.order.mongo.MongoOrders;
import org.duban.platform.architecture.petitions.reminder.mongo.MongoReminders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The root configuration may use every feature's adapters: it wires them. */
@Configuration
public class OrderConfiguration {

    @Bean
    OrderService orderService(Clock clock) {
        return new OrderService(new MongoOrders(), new MongoReminders(), clock);
    }
}
