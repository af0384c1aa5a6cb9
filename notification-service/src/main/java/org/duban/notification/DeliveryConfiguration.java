package org.duban.notification;

import java.time.Clock;
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
import org.duban.notification.delivery.DeliverySettings;
import org.duban.notification.delivery.DeliveryTraces;
import org.duban.notification.delivery.RetrySchedule;
import org.duban.notification.delivery.Transport;
import org.duban.notification.delivery.email.MailTransport;
import org.duban.notification.delivery.metrics.MicrometerDeliveryMeter;
import org.duban.notification.delivery.mongo.MongoDeliveries;
import org.duban.notification.delivery.webhook.JsonWebhookPayloads;
import org.duban.notification.delivery.webhook.WebhookTransport;
import org.duban.notification.unit.UnitDirectory;
import org.duban.notification.webhook.WebhookService;
import org.duban.platform.events.PendingEvents;
import org.duban.platform.outbox.AggregateWriter;
import org.duban.platform.outbox.OutboxRelay;
import org.duban.platform.tracing.TraceContexts;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Deliveries to webhook endpoints and by e-mail: the store, the transports with their circuit breakers, the
 * dispatcher that works through what is due (started and stopped with the application) and its metrics.
 */
@Configuration(proxyBeanMethods = false)
class DeliveryConfiguration {

    @Bean
    Deliveries deliveries(MongoDatabase database, AggregateWriter writer, PendingEvents events, OutboxRelay relay) {
        return new MongoDeliveries(database, writer, events, relay);
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
