package org.duban.notification;

import org.duban.platform.testing.ContainerImages;
import org.duban.platform.testing.MovableClock;
import org.duban.platform.testing.PlatformTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The main story against real MongoDB and Kafka images. Runs where Docker is available; reported as
 * skipped elsewhere.
 *
 * <p>MongoDB and Kafka are wired with {@code @ServiceConnection}: the services take both connections from
 * Spring Boot's own settings ({@code spring.mongodb.uri}, {@code spring.kafka.bootstrap-servers}), which the
 * containers' connection details replace (the replica set URL, the broker's address). Only the database name
 * stays a property: the service reads it from {@code duban.mongodb.database}, not from the URI.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Testcontainers(disabledWithoutDocker = true)
@Import(MovableClockConfiguration.class)
class NotificationServiceContainersIT {

    @Container
    @ServiceConnection
    static final MongoDBContainer MONGO = new MongoDBContainer(ContainerImages.mongo());
    @Container
    @ServiceConnection
    static final KafkaContainer KAFKA = new KafkaContainer(ContainerImages.kafka());

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        PlatformTestSupport.registerSettings(registry, "duban_notification_tc");
    }

    @LocalServerPort
    int port;
    @Autowired
    MovableClock clock;

    @Test
    void assignedUnitIsToldAndItsAcknowledgementIsPublishedOnce() {
        AcknowledgementScenario.run(new InboxHttp(port), KAFKA.getBootstrapServers(), clock);
    }
}
