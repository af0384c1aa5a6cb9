package org.duban.notification;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import com.mongodb.client.MongoDatabase;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.apache.hc.core5.ssl.SSLContexts;
import org.duban.notification.delivery.Deliveries;
import org.duban.notification.delivery.DeliveryDispatcher;
import org.duban.notification.delivery.DeliveryScheduler;
import org.duban.notification.delivery.DeliveryService;
import org.duban.notification.delivery.DeliveryTraces;
import org.duban.notification.delivery.DeliverySettings;
import org.duban.notification.delivery.RetrySchedule;
import org.duban.notification.delivery.Transport;
import org.duban.notification.delivery.email.MailTransport;
import org.duban.notification.delivery.metrics.MicrometerDeliveryMeter;
import org.duban.notification.delivery.webhook.JsonWebhookPayloads;
import org.duban.notification.delivery.webhook.WebhookTransport;
import org.duban.notification.inbox.InboxMessages;
import org.duban.notification.inbox.InboxService;
import org.duban.notification.routing.RoutingRules;
import org.duban.notification.routing.RoutingService;
import org.duban.notification.template.MessageTemplates;
import org.duban.notification.template.TemplateSource;
import org.duban.notification.unit.UnitDirectory;
import org.duban.notification.unit.Units;
import org.duban.notification.webhook.HostResolver;
import org.duban.notification.webhook.TargetGuard;
import org.duban.notification.webhook.WebhookEndpoints;
import org.duban.notification.webhook.WebhookService;
import org.duban.platform.crypto.FieldEncryptionConfiguration;
import org.duban.platform.idempotency.IdempotentCreations;
import org.duban.platform.idempotency.mongo.MongoIdempotencyKeys;
import org.duban.platform.tracing.TraceContexts;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Wires the plain-Java features (templates, routing, inbox, units, webhooks, deliveries) to their adapters.
 * Webhook secrets are stored encrypted under the field keyset (ADR 0011); at each start, endpoints not yet
 * under its primary key are written again under it.
 */
@Configuration(proxyBeanMethods = false)
@Import(FieldEncryptionConfiguration.class)
class NotificationConfiguration {

    @Bean
    MessageTemplates messageTemplates(NotificationProperties properties, ZoneId officeZone) {
        Path directory = properties.templatesDir();
        boolean none = directory == null || directory.toString().isBlank();
        return new MessageTemplates(new TemplateSource(none ? null : directory), officeZone);
    }

    @Bean
    InboxService inboxService(InboxMessages messages, Clock clock) {
        return new InboxService(messages, clock);
    }

    /** A unit's contacts, when they arrive, complete the e-mails that wait for them. */
    @Bean
    UnitDirectory unitDirectory(Units units, ObjectProvider<DeliveryScheduler> deliveries) {
        return new UnitDirectory(units, unit -> deliveries.getObject().contactsKnown(unit));
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

    @Bean
    WebhookService webhookService(WebhookEndpoints endpoints, RoutingRules rules, NotificationProperties properties,
            MongoDatabase database, Clock clock) {
        NotificationProperties.Webhooks webhooks = properties.webhooks();
        IdempotentCreations creations = new IdempotentCreations(
                new MongoIdempotencyKeys(database, clock, webhooks.idempotencyRetention()));
        TargetGuard guard = new TargetGuard(
                new TargetGuard.Settings(webhooks.allowHttp(), webhooks.allowLoopback(), webhooks.allowPrivate()),
                HostResolver.SYSTEM);
        return new WebhookService(endpoints, guard, rules.unitEventTypes(), webhooks.secretGrace(), creations, clock);
    }

    @Bean
    DeliverySettings deliverySettings(NotificationProperties properties) {
        NotificationProperties.Delivery delivery = properties.delivery();
        RetrySchedule schedule = new RetrySchedule(delivery.retrySchedule(), delivery.jitter(),
                () -> ThreadLocalRandom.current().nextDouble());
        return new DeliverySettings(schedule, delivery.retention(), properties.email().enabled(),
                properties.email().contactsWait());
    }

    @Bean
    CircuitBreakerRegistry webhookBreakers(NotificationProperties properties) {
        NotificationProperties.Breaker breaker = properties.webhooks().breaker();
        return CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(breaker.window())
                .minimumNumberOfCalls(breaker.minimumCalls())
                .failureRateThreshold(breaker.failureRateThreshold())
                .waitDurationInOpenState(breaker.openWait())
                .permittedNumberOfCallsInHalfOpenState(1)
                .build());
    }

    /** Deliveries keep the trace of the event that led to them; their attempts continue it. */
    @Bean
    DeliveryTraces deliveryTraces(TraceContexts traces) {
        return new DeliveryTraces() {
            @Override
            public String current() {
                return traces.current();
            }

            @Override
            public void continued(String traceparent, Runnable attempt) {
                traces.continueTrace(traceparent, "duban.delivery.attempt", attempt::run);
            }
        };
    }

    @Bean
    WebhookTransport webhookTransport(WebhookService webhooks, CircuitBreakerRegistry webhookBreakers,
            NotificationProperties properties, TraceContexts traces, Clock clock) {
        NotificationProperties.Webhooks settings = properties.webhooks();
        return new WebhookTransport(webhooks, webhookBreakers,
                new WebhookTransport.Settings(settings.breaker().openWait(), settings.perEndpoint(), settings.timeout()),
                SSLContexts.createSystemDefault(), traces::current, clock);
    }

    /**
     * {@code resilience4j_circuitbreaker_*} and {@code resilience4j_bulkhead_*} on /actuator/prometheus, tagged
     * {@code name} = the endpoint id (the e-mail breaker: {@code smtp}). Meters come with an endpoint's first
     * attempt and go when its breaker and bulkhead are dropped (the endpoint found removed or disabled).
     */
    @Bean
    MeterBinder webhookResilienceMetrics(CircuitBreakerRegistry webhookBreakers, WebhookTransport webhookTransport) {
        return meters -> {
            TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(webhookBreakers).bindTo(meters);
            TaggedBulkheadMetrics.ofBulkheadRegistry(webhookTransport.bulkheads()).bindTo(meters);
        };
    }

    @Bean
    DeliveryDispatcher deliveryDispatcher(Deliveries deliveries, WebhookTransport webhookTransport,
            ObjectProvider<JavaMailSender> mailSender, CircuitBreakerRegistry webhookBreakers,
            DeliverySettings settings, NotificationProperties properties, DeliveryTraces traces, MeterRegistry meters,
            Clock clock) {
        List<Transport> transports = new ArrayList<>(List.of(webhookTransport));
        if (properties.email().enabled()) {
            JavaMailSender sender = mailSender.getIfAvailable();
            if (sender == null) {
                throw new IllegalStateException("duban.notification.email.enabled is true but spring.mail.host is not set");
            }
            transports.add(new MailTransport(sender, properties.email().from(),
                    webhookBreakers.circuitBreaker("smtp"), properties.webhooks().breaker().openWait()));
        }
        NotificationProperties.Delivery delivery = properties.delivery();
        return new DeliveryDispatcher(deliveries, transports, settings,
                new DeliveryDispatcher.Settings(delivery.lease(), delivery.pollInterval(), delivery.workers()), traces,
                new MicrometerDeliveryMeter(meters), clock);
    }

    @Bean
    SmartLifecycle deliveryDispatcherLifecycle(DeliveryDispatcher dispatcher, NotificationProperties properties) {
        return new SmartLifecycle() {
            @Override
            public void start() {
                if (properties.delivery().dispatcher()) {
                    dispatcher.start();
                }
            }

            @Override
            public void stop() {
                dispatcher.stop();
            }

            @Override
            public boolean isRunning() {
                return dispatcher.isRunning();
            }
        };
    }

    @Bean
    DeliveryScheduler deliveryScheduler(Deliveries deliveries, WebhookService webhooks, UnitDirectory units,
            DeliverySettings settings, DeliveryDispatcher dispatcher, DeliveryTraces traces, Clock clock) {
        return new DeliveryScheduler(deliveries, webhooks, units, new JsonWebhookPayloads(), settings, dispatcher,
                traces, clock);
    }

    @Bean
    DeliveryService deliveryService(Deliveries deliveries, DeliverySettings settings, DeliveryDispatcher dispatcher,
            UnitDirectory units, Clock clock) {
        return new DeliveryService(deliveries, settings, dispatcher::wakeUp, units, clock);
    }
}
