package org.duban.notification;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

import org.duban.notification.inbox.InboxMessages;
import org.duban.notification.inbox.InboxService;
import org.duban.notification.routing.RoutingRules;
import org.duban.notification.routing.RoutingService;
import org.duban.notification.template.AssignmentIssuedTemplate;
import org.duban.notification.template.MessageTemplates;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the plain-Java features (templates, routing, inbox) to their adapters. */
@Configuration(proxyBeanMethods = false)
class NotificationConfiguration {

    @Bean
    MessageTemplates messageTemplates(ZoneId officeZone) {
        return new MessageTemplates(List.of(new AssignmentIssuedTemplate(officeZone)));
    }

    @Bean
    InboxService inboxService(InboxMessages messages, Clock clock) {
        return new InboxService(messages, clock);
    }

    @Bean
    RoutingService routingService(MessageTemplates templates, InboxService inbox) {
        return new RoutingService(new RoutingRules(), templates, inbox);
    }
}
