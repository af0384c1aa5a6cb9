package org.duban.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.duban.contracts.events.Topics;
import org.duban.platform.testing.TestTokens;
import org.duban.platform.testing.TopicReader;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
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
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IntakeServiceContainersIT {

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:7.0.14");

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.1");

    @DynamicPropertySource
    static void realInfrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", MONGO::getReplicaSetUrl);
        registry.add("duban.mongodb.database", () -> "duban_intake_containers");
        registry.add("spring.kafka.bootstrap-servers", KAFKA::getBootstrapServers);
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", TestTokens::publicKeyLocation);
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
}
