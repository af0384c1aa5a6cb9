package org.duban.notification;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

import com.mongodb.client.MongoDatabase;
import org.duban.notification.delivery.DeliveryScheduler;
import org.duban.notification.inbox.InboxMessages;
import org.duban.notification.inbox.InboxService;
import org.duban.notification.inbox.mongo.MongoInboxMessages;
import org.duban.notification.routing.BatchRouting;
import org.duban.notification.routing.RoutingRules;
import org.duban.notification.routing.RoutingService;
import org.duban.notification.template.MessageTemplates;
import org.duban.notification.template.TemplateSource;
import org.duban.notification.unit.UnitDirectory;
import org.duban.notification.unit.mongo.MongoUnits;
import org.duban.platform.events.PendingEvents;
import org.duban.platform.outbox.AggregateWriter;
import org.duban.platform.tracing.TraceContexts;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the plain-Java features that tell a unit (templates, routing, inbox, units) to their Mongo stores; the
 * outbound deliveries are wired in {@link DeliveryConfiguration}, the webhook endpoints in
 * {@link WebhookConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
class NotificationConfiguration {

    @Bean
    MessageTemplates messageTemplates(NotificationProperties properties, ZoneId officeZone) {
        Path directory = properties.templatesDir();
        boolean none = directory == null || directory.toString().isBlank();
        return new MessageTemplates(new TemplateSource(none ? null : directory), officeZone);
    }

    @Bean
    InboxMessages inboxMessages(MongoDatabase database, AggregateWriter writer, PendingEvents events) {
        return new MongoInboxMessages(database, writer, events);
    }

    @Bean
    InboxService inboxService(InboxMessages messages, Clock clock) {
        return new InboxService(messages, clock);
    }

    /** A unit's contacts, when they arrive, complete the e-mails that wait for them. */
    @Bean
    UnitDirectory unitDirectory(MongoDatabase database, ObjectProvider<DeliveryScheduler> deliveries) {
        return new UnitDirectory(new MongoUnits(database), unit -> deliveries.getObject().contactsKnown(unit));
    }

    @Bean
    RoutingRules routingRules() {
        return new RoutingRules();
    }

    @Bean
    RoutingService routingService(RoutingRules rules, MessageTemplates templates, InboxService inbox,
            DeliveryScheduler deliveries) {
        return new RoutingService(rules, templates, inbox, List.of(deliveries));
    }

    /** The listeners' routing, a poll at a time; each unit's deliveries keep the trace of the event they come of. */
    @Bean
    BatchRouting batchRouting(RoutingService routing, InboxService inbox, UnitDirectory units, TraceContexts traces) {
        return new BatchRouting(routing, inbox, units, (traceparent, work) -> traces.within(traceparent, work::run));
    }
}
