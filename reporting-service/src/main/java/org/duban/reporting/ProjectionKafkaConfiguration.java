package org.duban.reporting;

import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties.AckMode;

/**
 * The projection listener's containers ({@code projection/kafka/ProjectionListener}): configured as every listener of
 * the service (the platform's error handler, observation, …), but handing a whole poll to the listener and committing
 * its offsets once it returned.
 */
@Configuration(proxyBeanMethods = false)
class ProjectionKafkaConfiguration {

    @Bean
    ConcurrentKafkaListenerContainerFactory<Object, Object> projectionListenerContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<?, ?> consumers) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
        @SuppressWarnings("unchecked") // Boot's consumer factory, as its own container factory takes it
        ConsumerFactory<Object, Object> boots = (ConsumerFactory<Object, Object>) consumers;
        configurer.configure(factory, boots);
        factory.setBatchListener(true);
        factory.getContainerProperties().setAckMode(AckMode.BATCH);
        return factory;
    }
}
