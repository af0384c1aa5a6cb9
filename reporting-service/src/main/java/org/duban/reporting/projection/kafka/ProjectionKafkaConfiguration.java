package org.duban.reporting.projection.kafka;

import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties.AckMode;

/**
 * The projection's listener containers: configured as every listener of the service (the platform's error handler,
 * observation, …), but handing a whole poll to the listener and committing its offsets once it returned.
 */
@Configuration(proxyBeanMethods = false)
class ProjectionKafkaConfiguration {

    static final String FACTORY = "projectionListenerContainerFactory";

    @Bean(FACTORY)
    ConcurrentKafkaListenerContainerFactory<Object, Object> projectionListenerContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumers) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
        configurer.configure(factory, consumers);
        factory.setBatchListener(true);
        factory.getContainerProperties().setAckMode(AckMode.BATCH);
        return factory;
    }
}
