package org.duban.supervision;

import java.time.Clock;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.duban.platform.domain.ReportedTimes;
import org.duban.platform.events.PendingEvents;
import org.duban.platform.idempotency.IdempotentCreations;
import org.duban.platform.outbox.AggregateWriter;
import org.duban.supervision.deadline.Support;
import org.duban.supervision.deadline.TrackedAssignments;
import org.duban.supervision.measure.Measure;
import org.duban.supervision.measure.MeasureReminders;
import org.duban.supervision.measure.MeasureService;
import org.duban.supervision.measure.Measures;
import org.duban.supervision.measure.mongo.MongoMeasures;
import org.duban.supervision.order.SupervisionOrders;
import org.duban.supervision.reminder.AlertKind;
import org.duban.supervision.reminder.AlertPolicy;
import org.duban.supervision.reminder.mongo.MongoRemindables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the accountability measure feature. */
@Configuration(proxyBeanMethods = false)
class MeasureConfiguration {

    /** The measures as reminded subjects and lines of the board. */
    @Bean
    MongoRemindables<Measure> measureRemindables(MongoDatabase database, AggregateWriter writer,
            PendingEvents events, AlertPolicy policy) {
        return new MongoRemindables<>(collection(database), writer, events, policy, new MongoRemindables.Mapping<>(
                AlertKind.MEASURE, MongoMeasures::ownFields, MongoMeasures::fromDocument, Measure::issuedAt, null));
    }

    @Bean
    MongoMeasures measures(MongoDatabase database, MongoRemindables<Measure> remindables) {
        return new MongoMeasures(collection(database), remindables);
    }

    @Bean
    MeasureService measureService(Measures measures, TrackedAssignments assignments, SupervisionOrders orders,
            IdempotentCreations creations, Clock clock, ReportedTimes reportedTimes) {
        return new MeasureService(measures, assignments, orders, new Support(creations, clock), reportedTimes);
    }

    @Bean
    MeasureReminders measureReminders(Measures measures, AlertPolicy policy) {
        return new MeasureReminders(measures, policy);
    }

    private static MongoCollection<Document> collection(MongoDatabase database) {
        return database.getCollection(MongoMeasures.COLLECTION);
    }
}
