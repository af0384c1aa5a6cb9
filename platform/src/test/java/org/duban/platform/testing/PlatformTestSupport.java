package org.duban.platform.testing;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Points a service under test at the embedded Mongo-wire server, a database of its own, the test
 * token key, the test field keyset and (when given) an embedded Kafka broker; its management port is a
 * free one, like its API port, so that several services under test (and a {@code ./duban} on this
 * machine) never collide.
 */
public final class PlatformTestSupport {

    private PlatformTestSupport() {
    }

    public static void register(DynamicPropertyRegistry registry, String database, String kafkaBootstrapServers) {
        registry.add("spring.mongodb.uri", EmbeddedMongo::uri);
        if (kafkaBootstrapServers != null) {
            registry.add("spring.kafka.bootstrap-servers", () -> kafkaBootstrapServers);
        }
        registerSettings(registry, database);
    }

    /**
     * Everything {@link #register} sets but where MongoDB and Kafka are: for a test whose connections come
     * from elsewhere (the containers of a {@code *ContainersIT}, through {@code @ServiceConnection}).
     */
    public static void registerSettings(DynamicPropertyRegistry registry, String database) {
        registry.add("duban.mongodb.database", () -> database);
        TestTokens.properties().forEach((name, value) -> registry.add(name, () -> value));
        registry.add("duban.field-keys.location", TestFieldKeys::location);
        registry.add("duban.kafka.retry-initial", () -> "50ms");
        registry.add("duban.kafka.retry-max", () -> "200ms");
        registry.add("duban.kafka.retries", () -> "3");
        registry.add("duban.outbox.poll-interval", () -> "100ms");
        registry.add("duban.kafka.partitions", () -> "1");
        registry.add("management.server.port", () -> "0");
    }
}
