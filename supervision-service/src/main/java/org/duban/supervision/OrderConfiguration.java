package org.duban.supervision;

import java.time.Clock;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.duban.platform.events.PendingEvents;
import org.duban.platform.idempotency.IdempotentCreations;
import org.duban.platform.outbox.AggregateWriter;
import org.duban.supervision.deadline.Support;
import org.duban.supervision.deadline.TrackedAssignments;
import org.duban.supervision.order.AutomaticOrders;
import org.duban.supervision.order.OrderReminders;
import org.duban.supervision.order.SupervisionOrder;
import org.duban.supervision.order.SupervisionOrderService;
import org.duban.supervision.order.SupervisionOrders;
import org.duban.supervision.order.mongo.MongoSupervisionOrders;
import org.duban.supervision.reminder.AlertKind;
import org.duban.supervision.reminder.AlertPolicy;
import org.duban.supervision.reminder.mongo.MongoRemindables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the supervision order feature ({@code duban.supervision.orders.*}). */
@Configuration(proxyBeanMethods = false)
class OrderConfiguration {

    /** The orders as reminded subjects and lines of the board. */
    @Bean
    MongoRemindables<SupervisionOrder> orderRemindables(MongoDatabase database, AggregateWriter writer,
            PendingEvents events, AlertPolicy policy) {
        return new MongoRemindables<>(collection(database), writer, events, policy, new MongoRemindables.Mapping<>(
                AlertKind.SUPERVISION_ORDER, MongoSupervisionOrders::ownFields, MongoSupervisionOrders::fromDocument,
                SupervisionOrder::openedAt, null));
    }

    @Bean
    MongoSupervisionOrders supervisionOrders(MongoDatabase database, MongoRemindables<SupervisionOrder> remindables) {
        return new MongoSupervisionOrders(collection(database), remindables);
    }

    @Bean
    AutomaticOrders automaticOrders(SupervisionOrders orders, OrderProperties properties) {
        return new AutomaticOrders(orders, properties.policy());
    }

    @Bean
    OrderReminders orderReminders(SupervisionOrders orders, AlertPolicy policy) {
        return new OrderReminders(orders, policy);
    }

    @Bean
    SupervisionOrderService supervisionOrderService(SupervisionOrders orders, TrackedAssignments assignments,
            OrderProperties properties, IdempotentCreations creations, Clock clock) {
        return new SupervisionOrderService(orders, assignments, properties.policy(),
                new Support(creations, clock));
    }

    private static MongoCollection<Document> collection(MongoDatabase database) {
        return database.getCollection(MongoSupervisionOrders.COLLECTION);
    }
}
