package org.duban.notification;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.mongodb.client.MongoDatabase;
import org.duban.platform.testing.PlatformTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * notification-service as it runs, for the integration tests: real HTTP on a random port, the embedded
 * Mongo-wire store (a database of its own per application context) and an embedded Kafka broker. A test class
 * adds its settings with {@code @TestPropertySource} (each set of settings is a context of its own), and a
 * movable clock with {@code @Import(MovableClockConfiguration.class)}; every test makes its own units.
 *
 * <p>{@link #start} starts the service by hand instead, as a process of its own would be: several of them (one
 * after another, or side by side) can share one database — what a restart or a second instance does.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(partitions = 1,
        brokerProperties = {"offsets.topic.num.partitions=1", "group.initial.rebalance.delay.ms=0"})
abstract class RunningNotification {

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        PlatformTestSupport.register(registry, "duban_notification_it_" + UUID.randomUUID().toString().replace("-", ""),
                null);
        // the broker starts before the context, and publishes its address as a system property
        registry.add("spring.kafka.bootstrap-servers",
                () -> System.getProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS));
    }

    @LocalServerPort
    int port;
    /** This context's own broker (a later test class's broker would win the system property). */
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    MongoDatabase database;

    InboxHttp http;
    String bootstrap;

    @BeforeEach
    void httpClient() {
        http = new InboxHttp(port);
        bootstrap = broker.getBrokersAsString();
    }

    /** Starts the service on a free port against {@code database}, the broker {@code bootstrap} and {@code extra} settings. */
    static Started start(String database, String bootstrap, Map<String, String> extra) {
        Map<String, Object> properties = new LinkedHashMap<>();
        PlatformTestSupport.register((name, value) -> properties.put(name, value.get()), database, bootstrap);
        properties.put("server.port", "0");
        properties.putAll(extra);
        // as command-line arguments: they win over application.yml, like the environment of a real process
        String[] arguments = properties.entrySet().stream().map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
                .toArray(String[]::new);
        return new Started(new SpringApplicationBuilder(NotificationApplication.class).run(arguments));
    }

    /** A notification-service started by {@link #start}; closing it stops it. */
    static final class Started implements AutoCloseable {

        private final ConfigurableApplicationContext context;

        private Started(ConfigurableApplicationContext context) {
            this.context = context;
        }

        int port() {
            return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
        }

        InboxHttp http() {
            return new InboxHttp(port());
        }

        @Override
        public void close() {
            context.close();
        }
    }
}
