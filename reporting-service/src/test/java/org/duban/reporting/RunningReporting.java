package org.duban.reporting;

import java.util.UUID;

import com.mongodb.client.MongoDatabase;
import org.duban.platform.testing.PlatformTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * reporting-service as it runs, for the integration tests: real HTTP on a random port, the embedded
 * Mongo-wire store (a database of its own) and an embedded Kafka broker with one partition per topic.
 * The test classes that extend it share this one application context; each test counts on days and
 * units of its own. {@link AnnualFiguresIT} declares a broker of its own (three partitions a topic), so it
 * gets a context and a database of its own, which its rebuild may stop and empty.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
abstract class RunningReporting {

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        PlatformTestSupport.register(registry, "duban_reporting_it_" + UUID.randomUUID().toString().replace("-", ""),
                null);
    }

    @LocalServerPort
    int port;

    /**
     * This context's own broker: not the {@code spring.kafka.bootstrap-servers} property, which every
     * embedded broker of the run writes into the system properties.
     */
    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    MongoDatabase database;

    ReportingCalls http;

    @BeforeEach
    void httpClient() {
        http = new ReportingCalls(port);
    }

    String bootstrap() {
        return broker.getBrokersAsString();
    }
}
