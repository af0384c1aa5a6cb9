package org.duban.notification;

import org.duban.platform.testing.ContainerImages;
import org.duban.platform.testing.MovableClock;
import org.duban.platform.testing.PlatformTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
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
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Testcontainers(disabledWithoutDocker = true)
@Import(MovableClockConfiguration.class)
class NotificationServiceContainersIT {

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer(ContainerImages.mongo());
    @Container
    static final KafkaContainer KAFKA = new KafkaContainer(ContainerImages.kafka());

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        PlatformTestSupport.register(registry, "duban_notification_tc", KAFKA.getBootstrapServers());
        registry.add("spring.mongodb.uri", MONGO::getReplicaSetUrl);
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
