package org.duban.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.supervision.deadline.DeadlineFixtures.ISSUED_AT;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import com.mongodb.client.MongoDatabase;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.duban.platform.testing.MovableClock;
import org.duban.platform.testing.PlatformTestSupport;
import org.duban.platform.testing.TestTokens;
import org.duban.supervision.reminder.ReminderSweep;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * supervision-service as it runs, for the integration tests: real HTTP on a random port with real
 * tokens, the embedded Mongo-wire store, an embedded Kafka broker and a movable clock (starting at
 * {@link org.duban.supervision.deadline.DeadlineFixtures#ISSUED_AT}) that each test sets. Test classes
 * with the same settings share one application context and its database; every test makes its own units.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = {SupervisionApplication.class, RunningSupervision.MovableTime.class})
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers",
        brokerProperties = {"offsets.topic.num.partitions=1", "group.initial.rebalance.delay.ms=0"})
abstract class RunningSupervision {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TestConfiguration
    static class MovableTime {
        @Bean
        MovableClock clock() {
            return new MovableClock(ISSUED_AT);
        }
    }

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        PlatformTestSupport.register(registry, "duban_supervision_it_" + UUID.randomUUID().toString().replace("-", ""),
                null);
    }

    @LocalServerPort
    int port;
    /** Health, metrics and info: on the management port only. */
    @LocalManagementPort
    int managementPort;
    /**
     * This context's own broker: not the {@code spring.kafka.bootstrap-servers} property, which every
     * embedded broker of the run writes into the system properties.
     */
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    MovableClock clock;
    @Autowired
    MongoDatabase database;
    /** The sweep, driven by hand where a test needs it. */
    @Autowired
    ReminderSweep sweep;

    final String supervisor = TestTokens.supervisor("zhang.wei");

    String bootstrap() {
        return broker.getBrokersAsString();
    }

    static String newUnit() {
        return "unit-" + UUID.randomUUID().toString().substring(0, 8);
    }

    HttpResponse<String> get(String pathAndQuery, String token) {
        return getFrom(port, pathAndQuery, token);
    }

    /** A GET on {@code port} (this instance's server or management port); no token: no Authorization header. */
    static HttpResponse<String> getFrom(int port, String pathAndQuery, String token) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery)).GET(), token, null);
    }

    HttpResponse<String> post(String path, String token, String body, String idempotencyKey) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)), token, idempotencyKey);
    }

    /** Sends {@code request} with the token (if any) and the {@code Idempotency-Key} (if any). */
    static HttpResponse<String> send(HttpRequest.Builder request, String token, String idempotencyKey) {
        request.timeout(Duration.ofSeconds(10));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /** A page's items, the answer checked to be 200 first. */
    static List<JsonNode> items(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return StreamSupport.stream(json(response).path("items").spliterator(), false).toList();
    }

    /** The board's counts as green, yellow, red, the answer checked to be 200 first. */
    static List<Long> counts(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode counts = json(response).path("counts");
        return List.of(counts.path("green").asLong(), counts.path("yellow").asLong(), counts.path("red").asLong());
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
