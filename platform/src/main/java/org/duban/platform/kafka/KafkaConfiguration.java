package org.duban.platform.kafka;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.duban.contracts.events.Topics;
import org.duban.platform.tracing.TraceContexts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Kafka as every service uses it: a CloudEvents publisher, consumers that retry with exponential
 * back-off and then park the record on the service's own dead-letter topic (but wait without limit while their
 * store cannot be reached: {@link StoreUnreachable}), and the topics created
 * if missing with unlimited retention (projections are rebuilt by replaying them), and the gauge of how
 * many records wait on that dead-letter topic.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KafkaTopicsProperties.class)
public class KafkaConfiguration {

    /**
     * The container factory of a listener that takes a whole poll ({@code containerFactory = BATCH_FACTORY}, with
     * {@link EventBatches}): configured as every listener of the service (the platform's error handler, observation,
     * …), but handing the poll's records to the listener as one list and committing their offsets once it returned.
     */
    public static final String BATCH_FACTORY = "batchListenerContainerFactory";

    @Bean(BATCH_FACTORY)
    ConcurrentKafkaListenerContainerFactory<Object, Object> batchListenerContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<?, ?> consumers) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
        @SuppressWarnings("unchecked") // Boot's consumer factory, as its own container factory takes it
        ConsumerFactory<Object, Object> boots = (ConsumerFactory<Object, Object>) consumers;
        configurer.configure(factory, boots);
        factory.setBatchListener(true);
        factory.getContainerProperties().setAckMode(AckMode.BATCH);
        return factory;
    }

    @Bean
    KafkaEventPublisher kafkaEventPublisher(KafkaTemplate<String, byte[]> template,
            @Value("${spring.application.name}") String serviceName, TraceContexts traceContexts) {
        return new KafkaEventPublisher(template, serviceName, traceContexts);
    }

    @Bean
    DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<String, byte[]> template, KafkaTopicsProperties properties,
            @Value("${spring.application.name}") String serviceName) {
        String deadLetterTopic = Topics.deadLetter(serviceName);
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (record, exception) -> new TopicPartition(deadLetterTopic, -1));
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(properties.retries());
        backOff.setInitialInterval(properties.retryInitial().toMillis());
        backOff.setMultiplier(2.0);
        backOff.setMaxInterval(properties.retryMax().toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(PoisonEvent.class);
        // A store that cannot be reached is waited for as long as it takes: the record is not at fault.
        ExponentialBackOff untilReachable = new ExponentialBackOff(properties.retryInitial().toMillis(), 2.0);
        untilReachable.setMaxInterval(properties.retryMax().toMillis());
        handler.setBackOffFunction((record, failure) -> StoreUnreachable.in(failure) ? untilReachable : null);
        return handler;
    }

    @Bean
    KafkaAdmin.NewTopics dubanTopics(KafkaTopicsProperties properties,
            @Value("${spring.application.name}") String serviceName) {
        Map<String, String> keepForever = Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1");
        NewTopic[] topics = Stream.concat(
                        properties.topics().stream(),
                        Stream.of(Topics.deadLetter(serviceName)))
                .distinct()
                .map(name -> TopicBuilder.name(name)
                        .partitions(properties.partitions())
                        .replicas(properties.replicationFactor())
                        .configs(keepForever)
                        .build())
                .toArray(NewTopic[]::new);
        return new KafkaAdmin.NewTopics(topics);
    }

    @Bean(destroyMethod = "close")
    DeadLetters deadLetters(KafkaAdmin kafkaAdmin, @Value("${spring.application.name}") String serviceName,
            Clock clock, MeterRegistry meters) {
        DeadLetters deadLetters = new DeadLetters(Admin.create(kafkaAdmin.getConfigurationProperties()),
                Topics.deadLetter(serviceName), clock, Duration.ofSeconds(30), Duration.ofSeconds(5));
        Gauge.builder("duban.kafka.dead.letters", deadLetters, DeadLetters::count)
                .description("records on the service's dead-letter topic, waiting for someone to look at them")
                .register(meters);
        return deadLetters;
    }
}
