package org.duban.platform.kafka;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The topics a service touches and how consumers retry ({@code duban.kafka.*}).
 *
 * @param topics            event topics this service produces or consumes (created if missing)
 * @param partitions        partitions of a topic the service creates
 * @param replicationFactor replicas of a topic the service creates (3 in production)
 * @param retryInitial      first back-off of a failing record
 * @param retryMax          longest back-off between two attempts
 * @param retries           attempts after the first before the record goes to the dead-letter topic
 */
@ConfigurationProperties("duban.kafka")
public record KafkaTopicsProperties(
        @DefaultValue List<String> topics,
        @DefaultValue("3") int partitions,
        @DefaultValue("1") short replicationFactor,
        @DefaultValue("500ms") Duration retryInitial,
        @DefaultValue("10s") Duration retryMax,
        @DefaultValue("6") int retries) {
}
