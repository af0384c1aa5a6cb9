package org.duban.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.mongodb.client.MongoDatabase;
import org.duban.contracts.events.DubanEvent;
import org.duban.contracts.events.Topics;
import org.duban.platform.events.PendingEvent;
import org.duban.platform.testing.PlatformTestSupport;
import org.duban.platform.testing.TestEvents;
import org.duban.platform.testing.TestTokens;
import org.duban.reporting.acceptance.YearOfEvents;
import org.duban.reporting.projection.ProjectionService;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * THE acceptance test: the office's 2023 as events through the broker, and the figures the office
 * published for it — 149/25/7/1/6, 97.41 % and 91.94 % — out of the statistics and the annual
 * report; the same figures after every event is delivered twice and after a rebuild from scratch.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(partitions = 3, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AnnualFiguresIT {

    static final String SENTENCE = "全年累计交办突出信访问题149件，督办25件，提出改进工作建议7件，责令书面检查1件，开展约谈6件";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<DubanEvent> YEAR = YearOfEvents.all();
    private static final List<PendingEvent> SENT = new ArrayList<>();
    private static final List<String> FIRST_ANSWERS = new ArrayList<>();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        PlatformTestSupport.register(registry, "duban_reporting_year_" + UUID.randomUUID().toString().replace("-", ""),
                null);
        registry.add("duban.kafka.partitions", () -> "3");
    }

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    ProjectionService projection;

    @Autowired
    MongoDatabase database;

    @Test
    @Order(1)
    void answersTheFiguresTheOfficePublishedForTheYear() {
        // when
        for (String topic : List.of(Topics.INTAKE, Topics.SUPERVISION, Topics.NOTIFICATION)) {
            SENT.addAll(TestEvents.send(broker.getBrokersAsString(), "/duban/test",
                    YEAR.stream().filter(event -> YearOfEvents.topicOf(event).equals(topic)).toArray(DubanEvent[]::new)));
        }
        awaitProcessed(SENT.size());

        // then
        JsonNode figures = get("/api/v1/statistics?from=2023-01-01&to=2024-01-01");
        assertThat(figures.get("assignmentsIssued").asLong()).isEqualTo(149);
        assertThat(figures.get("transfersIssued").asLong()).isEqualTo(YearOfEvents.TRANSFERS);
        assertThat(figures.get("supervisionOrdersOpened").asLong()).isEqualTo(25);
        assertThat(figures.at("/recommendations/IMPROVE_WORK").asLong()).isEqualTo(7);
        assertThat(figures.at("/recommendations/IMPROVE_POLICY").asLong()).isZero();
        assertThat(figures.at("/recommendations/adopted").asLong()).isEqualTo(5);
        assertThat(figures.at("/measures/WRITTEN_SELF_REVIEW").asLong()).isEqualTo(1);
        assertThat(figures.at("/measures/INTERVIEW").asLong()).isEqualTo(6);
        assertThat(figures.at("/measures/NOTICE").asLong()).isZero();
        assertRate(figures.at("/rates/satisfaction"), 113, 116, 97.41);
        assertRate(figures.at("/rates/prominentResolution"), 57, 62, 91.94);
        // every 15th acceptance late (10 of 149); every 9th report late (16 of 149)
        assertRate(figures.at("/rates/timelyAcceptance"), 139, 149, 93.29);
        assertRate(figures.at("/rates/onTimeCompletion"), 133, 149, 89.26);
        // 116 evaluated of 149 + 12 transfers concluded
        assertRate(figures.at("/rates/participation"), 116, 161, 72.05);
        assertThat(figures.at("/rates/firstTimeResolution/denominator").asLong()).isPositive();
        FIRST_ANSWERS.addAll(answers());
    }

    @Test
    @Order(2)
    void answersTheSameFiguresAfterEveryEventWasDeliveredTwice() {
        // when: a relay that crashed before removing them publishes all of them again, ids unchanged
        TestEvents.resend(broker.getBrokersAsString(), "/duban/test", SENT);
        awaitProcessed(SENT.size());
        // the duplicates are behind the ones already read; a new event after them shows they were read
        List<PendingEvent> marker = TestEvents.send(broker.getBrokersAsString(), "/duban/test",
                YearOfEvents.all().stream().filter(event -> event instanceof org.duban.contracts.events.UnitRegistered)
                        .findFirst().orElseThrow());
        awaitProcessed(SENT.size() + 1);

        // then
        assertThat(answers()).isEqualTo(FIRST_ANSWERS);
        assertThat(marker).hasSize(1);
    }

    @Test
    @Order(3)
    void answersTheSameFiguresAfterARebuildFromScratch() {
        // given: the store is dropped, as the rebuild procedure does
        for (String collection : database.listCollectionNames()) {
            database.getCollection(collection).drop();
        }
        assertThat(get("/api/v1/statistics?from=2023-01-01&to=2024-01-01").get("assignmentsIssued").asLong()).isZero();

        // when: every topic is read again from the start, supervision's and notification's before intake's
        for (String topic : List.of(Topics.NOTIFICATION, Topics.SUPERVISION, Topics.INTAKE)) {
            YEAR.stream().filter(event -> YearOfEvents.topicOf(event).equals(topic)).forEach(projection::apply);
        }

        // then
        assertThat(answers()).isEqualTo(FIRST_ANSWERS);
    }

    private List<String> answers() {
        return List.of(
                get("/api/v1/statistics?from=2023-01-01&to=2024-01-01").toString(),
                get("/api/v1/statistics?from=2023-01-01&to=2024-01-01&unitId=unit-hongqi").toString(),
                get("/api/v1/statistics?from=2023-03-01&to=2023-04-01").toString(),
                get("/api/v1/statistics/units?from=2023-01-01&to=2024-01-01").toString());
    }

    private void awaitProcessed(long events) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(database.getCollection("processed_events").countDocuments()).isGreaterThanOrEqualTo(events));
    }

    private JsonNode get(String path) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .header("Authorization", "Bearer " + TestTokens.supervisor("zhang.wei")).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return JSON.readTree(response.body());
        } catch (Exception e) {
            throw new AssertionError("GET " + path + " failed", e);
        }
    }

    private static void assertRate(JsonNode rate, long numerator, long denominator, double percent) {
        assertThat(rate.get("numerator").asLong()).as("numerator of %s", rate).isEqualTo(numerator);
        assertThat(rate.get("denominator").asLong()).as("denominator of %s", rate).isEqualTo(denominator);
        assertThat(rate.get("percent").asDouble()).isEqualTo(percent);
    }
}
