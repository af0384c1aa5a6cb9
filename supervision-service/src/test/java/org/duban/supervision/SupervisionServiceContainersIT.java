package org.duban.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.duban.supervision.deadline.DeadlineFixtures.ACCEPTANCE_DUE;
import static org.duban.supervision.deadline.DeadlineFixtures.ISSUED_AT;
import static org.duban.supervision.deadline.DeadlineFixtures.acceptedEvent;
import static org.duban.supervision.deadline.DeadlineFixtures.issuedEvent;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.duban.contracts.events.ReminderIssued;
import org.duban.contracts.events.Topics;
import org.duban.platform.events.EventJson;
import org.duban.platform.testing.ContainerImages;
import org.duban.platform.testing.MovableClock;
import org.duban.platform.testing.PlatformTestSupport;
import org.duban.platform.testing.TestEvents;
import org.duban.platform.testing.TestTokens;
import org.duban.platform.testing.TopicReader;
import org.duban.supervision.reminder.ReminderSweep;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The main scenario against real MongoDB and Kafka images, where Docker is available (skipped
 * otherwise): an issued assignment turns yellow on the board (reminded once), then follows its
 * result deadline.
 *
 * <p>MongoDB and Kafka are wired with {@code @ServiceConnection}: the services take both connections from
 * Spring Boot's own settings ({@code spring.mongodb.uri}, {@code spring.kafka.bootstrap-servers}), which the
 * containers' connection details replace (the replica set URL, the broker's address). Only the database name
 * stays a property: the service reads it from {@code duban.mongodb.database}, not from the URI.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Testcontainers(disabledWithoutDocker = true)
class SupervisionServiceContainersIT {

    @Container
    @ServiceConnection
    static final MongoDBContainer MONGO = new MongoDBContainer(ContainerImages.mongo());
    @Container
    @ServiceConnection
    static final KafkaContainer KAFKA = new KafkaContainer(ContainerImages.kafka());

    @TestConfiguration
    static class MovableTime {
        @Bean
        MovableClock clock() {
            return new MovableClock(ISSUED_AT);
        }
    }

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry registry) {
        PlatformTestSupport.registerSettings(registry, "duban_supervision_containers");
    }

    @LocalServerPort
    int port;
    @Autowired
    MovableClock clock;
    @Autowired
    ReminderSweep sweep;

    @Test
    void anIssuedAssignmentTurnsYellowAndFollowsItsResultDeadlineOnceAccepted() throws Exception {
        // given
        TestEvents.send(KAFKA.getBootstrapServers(), "/duban/intake-service", issuedEvent("asg-tc", "unit-tc"));
        clock.set(ACCEPTANCE_DUE.minus(Duration.ofDays(1)));

        // when / then
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(onlyAlert().path("colour").asString()).isEqualTo("YELLOW"));
        // and the yellow reminder is issued once, however often the sweep runs (nextCheckAt on MongoDB)
        sweep.sweep();
        sweep.sweep();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(reminders()).containsExactly("YELLOW"));

        // when
        TestEvents.send(KAFKA.getBootstrapServers(), "/duban/intake-service",
                acceptedEvent("asg-tc", "unit-tc", ACCEPTANCE_DUE.minus(Duration.ofHours(1))));

        // then
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode alert = onlyAlert();
            assertThat(alert.path("deadlineKind").asString()).isEqualTo("RESULT");
            assertThat(alert.path("colour").asString()).isEqualTo("GREEN");
        });
        sweep.sweep();
        assertThat(reminders()).containsExactly("YELLOW");
    }

    private List<String> reminders() {
        return TopicReader.readAll(KAFKA.getBootstrapServers(), Topics.SUPERVISION).stream()
                .filter(record -> ReminderIssued.TYPE.equals(new String(
                        record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8)))
                .map(record -> EventJson.read(record.value(), ReminderIssued.class))
                .filter(reminder -> reminder.subjectId().equals("asg-tc"))
                .map(ReminderIssued::colour)
                .toList();
    }

    private JsonNode onlyAlert() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/alerts?unitId=unit-tc"))
                        .header("Authorization", "Bearer " + TestTokens.supervisor("zhang.wei")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode items = JsonMapper.builder().build().readTree(response.body()).path("items");
        assertThat(items.size()).isEqualTo(1);
        return items.get(0);
    }
}
