package org.duban.platform.config;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;

import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.duban.platform.domain.ClockSkewTolerance;
import org.duban.platform.domain.ReportedTimes;
import org.duban.platform.events.PendingEvents;
import org.duban.platform.inbox.ProcessedEvents;
import org.duban.platform.kafka.EventBatches;
import org.duban.platform.kafka.KafkaConfiguration;
import org.duban.platform.kafka.KafkaEventPublisher;
import org.duban.platform.mongo.MongoConfiguration;
import org.duban.platform.outbox.AggregateWriter;
import org.duban.platform.outbox.OutboxProperties;
import org.duban.platform.outbox.OutboxRelay;
import org.duban.platform.security.ResourceServerConfiguration;
import org.duban.platform.tracing.TraceContexts;
import org.duban.platform.web.AccessLogFilter;
import org.duban.platform.web.CurrentCaller;
import org.duban.platform.web.ProblemDetailsAdvice;
import org.duban.platform.web.RequestBodyLimitFilter;
import org.duban.platform.web.RequestIdFilter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/** Wires the platform into every service that has it on its classpath. */
/* before Boot's Mongo health contributor, so that ours (named mongoHealthIndicator) replaces it */
@AutoConfiguration(beforeName = "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration")
@EnableConfigurationProperties(OutboxProperties.class)
@Import({MongoConfiguration.class, KafkaConfiguration.class, ResourceServerConfiguration.class})
public class PlatformAutoConfiguration {

    /**
     * The system clock, ticking in milliseconds — the precision MongoDB stores — so that what an
     * answer shows is what a later read shows. Tests replace it with a fixed or movable one.
     */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    }

    /** The office's time zone: deadlines end at local midnight, figures count local days. */
    @Bean
    ZoneId officeZone(@Value("${duban.office.zone}") String zone) {
        return ZoneId.of(zone);
    }

    /**
     * How far the clocks of those who report times (units' systems, people) may be off the platform's
     * ({@code duban.clock-skew-tolerance}, default 5 minutes; SPEC §3).
     */
    @Bean
    ClockSkewTolerance clockSkewTolerance(@Value("${duban.clock-skew-tolerance:5m}") Duration tolerance) {
        return new ClockSkewTolerance(tolerance);
    }

    /** Times units and people report, judged with that tolerance and read in the office's zone. */
    @Bean
    ReportedTimes reportedTimes(ClockSkewTolerance tolerance, ZoneId officeZone) {
        return new ReportedTimes(tolerance, officeZone);
    }

    /** Tracing when the OpenTelemetry bridge is there (it is, through the platform), nothing otherwise. */
    @Bean
    @ConditionalOnMissingBean
    TraceContexts traceContexts(ObjectProvider<ObservationRegistry> observations, ObjectProvider<Tracer> tracer,
            ObjectProvider<Propagator> propagator) {
        return new TraceContexts(observations.getIfAvailable(() -> ObservationRegistry.NOOP),
                tracer.getIfAvailable(), propagator.getIfAvailable());
    }

    /** Outbox entries carry the trace of the request or event that recorded them. */
    @Bean
    PendingEvents pendingEvents(Clock clock, TraceContexts traceContexts) {
        return new PendingEvents(clock, traceContexts::current);
    }

    @Bean
    OutboxRelay outboxRelay(MongoDatabase database, KafkaEventPublisher publisher, OutboxProperties properties,
            Clock clock, MeterRegistry meters) {
        return new OutboxRelay(database, publisher, properties, clock, meters);
    }

    @Bean
    AggregateWriter aggregateWriter(OutboxRelay relay) {
        return new AggregateWriter(relay);
    }

    /** Consumed event ids, kept {@code duban.events.processed-retention} (default 90 days). */
    @Bean
    ProcessedEvents processedEvents(MongoDatabase database, Clock clock,
            @Value("${duban.events.processed-retention:90d}") Duration retention) {
        return new ProcessedEvents(database, clock, retention);
    }

    /** Consumption a poll at a time, each event once (with {@link KafkaConfiguration#BATCH_FACTORY}). */
    @Bean
    EventBatches eventBatches(ProcessedEvents processed, MeterRegistry meters, TraceContexts traceContexts) {
        return new EventBatches(processed, meters, traceContexts);
    }

    @Bean
    CurrentCaller currentCaller() {
        return new CurrentCaller();
    }

    @Bean
    ProblemDetailsAdvice problemDetailsAdvice() {
        return new ProblemDetailsAdvice();
    }

    /** One line per answered request, after the tracing filter: the trace id is in it. */
    @Bean
    FilterRegistrationBean<AccessLogFilter> accessLogFilter() {
        FilterRegistrationBean<AccessLogFilter> registration = new FilterRegistrationBean<>(new AccessLogFilter());
        registration.setOrder(AccessLogFilter.ORDER);
        return registration;
    }

    /** Request bodies over {@code duban.web.max-request-body} (default 1 MiB) fail to read: 413. */
    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(
            @Value("${duban.web.max-request-body:1MB}") DataSize maxRequestBody) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(
                new RequestBodyLimitFilter(maxRequestBody.toBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
