package org.duban.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.duban.reporting.projection.ProjectionFixtures.acceptedInTime;
import static org.duban.reporting.projection.ProjectionFixtures.assigned;
import static org.duban.reporting.projection.ProjectionFixtures.officeTime;
import static org.duban.reporting.projection.ProjectionFixtures.transferred;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.duban.contracts.events.AssignmentIssued;
import org.duban.platform.events.PendingEvent;
import org.duban.platform.testing.ContainerImages;
import org.duban.platform.testing.TestEvents;
import org.duban.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;
import tools.jackson.databind.JsonNode;

/**
 * The main scenario against a real MongoDB (replica set) and a real Kafka broker: the duplicate-key
 * answer of an upsert that finds its contribution already counted is the server's, not the embedded
 * store's. Skipped where no Docker engine is available.
 *
 * <p>MongoDB and Kafka are wired with {@code @ServiceConnection}: the services take both connections from
 * Spring Boot's own settings ({@code spring.mongodb.uri}, {@code spring.kafka.bootstrap-servers}), which the
 * containers' connection details replace (the replica set URL, the broker's address). Only the database name
 * stays a property: the service reads it from {@code duban.mongodb.database}, not from the URI.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReportingServiceContainersIT {

    @Container
    @ServiceConnection
    static final MongoDBContainer MONGO = new MongoDBContainer(ContainerImages.mongo());

    @Container
    @ServiceConnection
    static final KafkaContainer KAFKA = new KafkaContainer(ContainerImages.kafka());

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("duban.mongodb.database", () -> "duban_reporting_containers");
        TestTokens.properties().forEach((name, value) -> registry.add(name, () -> value));
        registry.add("duban.kafka.partitions", () -> "1");
        registry.add("duban.kafka.retry-initial", () -> "50ms");
        registry.add("duban.kafka.retry-max", () -> "200ms");
    }

    @LocalServerPort
    int port;

    @Test
    void countsAssignmentsTransfersAndTimelyAcceptanceOnceThoughDeliveredTwice() {
        // given
        LocalDate day = LocalDate.of(2026, 3, 2);
        AssignmentIssued assignment = assigned("asg-1", "unit-1", officeTime(day, 23, 30));
        List<PendingEvent> sent = TestEvents.send(KAFKA.getBootstrapServers(), "/duban/intake-service", assignment,
                transferred("trf-1", "unit-1", officeTime(day, 10, 0)),
                acceptedInTime(assignment, officeTime(day.plusDays(1), 9, 0)));

        // when
        TestEvents.resend(KAFKA.getBootstrapServers(), "/duban/intake-service", sent);
        TestEvents.send(KAFKA.getBootstrapServers(), "/duban/intake-service",
                assigned("asg-2", "unit-later", officeTime(day, 12, 0)));

        // then
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(statistics(day, "unit-later").get("assignmentsIssued").asLong()).isEqualTo(1));
        JsonNode figures = statistics(day, "unit-1");
        assertThat(figures.get("assignmentsIssued").asLong()).isEqualTo(1);
        assertThat(figures.get("transfersIssued").asLong()).isEqualTo(1);
        assertThat(figures.at("/rates/timelyAcceptance/numerator").asLong()).isEqualTo(1);
        assertThat(figures.at("/rates/timelyAcceptance/denominator").asLong()).isEqualTo(1);
        assertThat(figures.at("/rates/timelyAcceptance/percent").asDouble()).isEqualTo(100.0);
    }

    private JsonNode statistics(LocalDate day, String unitId) {
        return new ReportingCalls(port).statistics(day, day.plusDays(1), unitId);
    }
}
