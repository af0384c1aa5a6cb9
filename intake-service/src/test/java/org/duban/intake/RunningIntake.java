package org.duban.intake;

import com.mongodb.client.MongoDatabase;
import org.duban.platform.testing.PlatformTestSupport;
import org.duban.platform.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * intake-service as it runs, for the integration tests: real HTTP on a random port, the embedded
 * Mongo-wire store and an embedded Kafka broker. Every test class shares this one application context
 * (and must not add settings of its own: a second context would run a second outbox relay on the same
 * database, publishing to another broker); every test makes its own units and matters.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // an hour-long window, so that a test counting public calls never straddles a window's end
        properties = "duban.intake.public-rate-limit.window=1h")
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
abstract class RunningIntake {

    static final String SUPERVISOR = TestTokens.supervisor("zhang.wei");

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        PlatformTestSupport.register(registry, "duban_intake_it", null);
        registry.add("duban.intake.query-code.key-location", () -> "classpath:query-code-test.key");
    }

    @LocalServerPort
    int port;

    /**
     * This context's own broker: not the {@code spring.kafka.bootstrap-servers} property, which every
     * embedded broker of the run writes into the system properties (a later test class's broker, maybe
     * stopped since, would win).
     */
    @Autowired
    EmbeddedKafkaBroker broker;

    /** Health, metrics and info: on the management port only. */
    @LocalManagementPort
    int managementPort;

    String bootstrap;

    @Autowired
    MongoDatabase database;

    HttpCalls http;

    @BeforeEach
    void httpClient() {
        http = new HttpCalls(port);
        bootstrap = broker.getBrokersAsString();
    }
}
