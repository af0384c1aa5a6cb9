package org.duban.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.duban.contracts.events.Topics;
import org.duban.platform.testing.ContainerImages;
import org.duban.platform.testing.TestFieldKeys;
import org.duban.platform.testing.TestTokens;
import org.duban.platform.testing.TopicReader;
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

/**
 * The same flow against real MongoDB (a replica set, majority writes) and a real Kafka image: proves
 * that what runs on the Mongo-wire store here is correct on the production store. Skipped, and
 * reported as skipped, where no Docker engine is available.
 *
 * <p>MongoDB and Kafka are wired with {@code @ServiceConnection}: the services take both connections from
 * Spring Boot's own settings ({@code spring.mongodb.uri}, {@code spring.kafka.bootstrap-servers}), which the
 * containers' connection details replace (the replica set URL, the broker's address). Only the database name
 * stays a property: the service reads it from {@code duban.mongodb.database}, not from the URI.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IntakeServiceContainersIT {

    @Container
    @ServiceConnection
    static final MongoDBContainer MONGO = new MongoDBContainer(ContainerImages.mongo());

    @Container
    @ServiceConnection
    static final KafkaContainer KAFKA = new KafkaContainer(ContainerImages.kafka());

    @DynamicPropertySource
    static void realInfrastructure(DynamicPropertyRegistry registry) {
        registry.add("duban.mongodb.database", () -> "duban_intake_containers");
        TestTokens.properties().forEach((name, value) -> registry.add(name, () -> value));
        registry.add("duban.intake.query-code.key-location", () -> "classpath:query-code-test.key");
        registry.add("duban.field-keys.location", TestFieldKeys::location);
    }

    @LocalServerPort
    int port;

    @Test
    void issuesAndAcceptsAnAssignmentOnRealMongoDbAndKafka() {
        // given
        HttpCalls http = new HttpCalls(port);
        String supervisor = TestTokens.supervisor("zhang.wei");
        String unitId = http.post("/api/v1/units", supervisor,
                "{\"code\":\"CG\",\"name\":\"城关街道\",\"kind\":\"SUB_DISTRICT\"}").text("id");
        String caseId = http.post("/api/v1/cases", supervisor,
                "{\"title\":\"t\",\"summary\":\"s\",\"channel\":\"LETTER\",\"origin\":\"SELF\","
                        + "\"category\":\"OTHER\",\"petitioner\":{\"name\":\"李某\"}}").text("id");
        String assignmentId = http.post("/api/v1/cases/" + caseId + "/assignments", supervisor,
                "{\"unitId\":\"" + unitId + "\",\"kind\":\"ASSIGN\"}").text("id");

        // when
        HttpCalls.Answer accepted = http.post("/api/v1/assignments/" + assignmentId + "/accept",
                TestTokens.unit("wang.fang", unitId), "{\"noticeSentAt\":\"" + Instant.now() + "\"}");

        // then
        assertThat(accepted.status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(TopicReader.readAll(KAFKA.getBootstrapServers(), Topics.INTAKE))
                        .filteredOn(record -> new String(record.value(), StandardCharsets.UTF_8).contains(assignmentId))
                        .hasSize(2));
    }

    @Test
    void searchesMatterTitlesLiterallyAndFindsPendingExtensionsOnRealMongoDb() {
        // given
        HttpCalls http = new HttpCalls(port);
        String supervisor = TestTokens.supervisor("zhang.wei");
        String unitId = http.post("/api/v1/units", supervisor,
                "{\"code\":\"DM\",\"name\":\"东门街道\",\"kind\":\"SUB_DISTRICT\"}").text("id");
        String elevator = http.post("/api/v1/cases", supervisor,
                "{\"title\":\"加装电梯(一期) Lift.*\",\"summary\":\"s\",\"channel\":\"LETTER\",\"origin\":\"SELF\","
                        + "\"category\":\"OTHER\",\"petitioner\":{\"name\":\"李某\"}}").text("id");
        String other = http.post("/api/v1/cases", supervisor,
                "{\"title\":\"Lifting noise\",\"summary\":\"s\",\"channel\":\"LETTER\",\"origin\":\"SELF\","
                        + "\"category\":\"OTHER\",\"petitioner\":{\"name\":\"李某\"}}").text("id");
        String assignmentId = http.post("/api/v1/cases/" + elevator + "/assignments", supervisor,
                "{\"unitId\":\"" + unitId + "\",\"kind\":\"ASSIGN\"}").text("id");
        String unit = TestTokens.unit("wang.fang", unitId);
        http.post("/api/v1/assignments/" + assignmentId + "/accept", unit, "{\"noticeSentAt\":\"" + Instant.now() + "\"}");
        http.post("/api/v1/assignments/" + assignmentId + "/extensions", unit, "{\"days\":5,\"reason\":\"需协调\"}");

        // when
        HttpCalls.Answer literal = http.get("/api/v1/cases?q=lift.*", supervisor);
        HttpCalls.Answer parentheses = http.get("/api/v1/cases?q=%28%E4%B8%80%E6%9C%9F%29", supervisor);
        HttpCalls.Answer both = http.get("/api/v1/cases?q=LIFT&ids=" + elevator + "," + other, supervisor);
        HttpCalls.Answer pending = http.get("/api/v1/assignments?pendingExtension=true&caseId=" + elevator, supervisor);

        // then
        assertThat(literal.body().path("items").findValuesAsString("id")).containsExactly(elevator);
        assertThat(parentheses.body().path("items").findValuesAsString("id")).containsExactly(elevator);
        assertThat(both.body().path("page").path("totalElements").asLong()).isEqualTo(2);
        assertThat(pending.body().path("items").get(0).path("id").asString()).isEqualTo(assignmentId);
        assertThat(pending.body().path("items").get(0).path("caseTitle").asString()).isEqualTo("加装电梯(一期) Lift.*");
    }
}
