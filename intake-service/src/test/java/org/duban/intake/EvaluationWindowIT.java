package org.duban.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.mongodb.client.MongoDatabase;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.duban.contracts.events.Topics;
import org.duban.intake.assignment.mongo.MongoConcludedMatters;
import org.duban.intake.evaluation.EvaluationWindow;
import org.duban.intake.evaluation.OverdueUnratedSweep;
import org.duban.intake.evaluation.mongo.MongoEvaluations;
import org.duban.intake.evaluation.mongo.MongoUnratedSweepProgress;
import org.duban.platform.events.PendingEvents;
import org.duban.platform.outbox.AggregateWriter;
import org.duban.platform.testing.MovableClock;
import org.duban.platform.testing.PlatformTestSupport;
import org.duban.platform.testing.TestTokens;
import org.duban.platform.testing.TopicReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * 超期未评价 over real HTTP with a movable clock (its own application context, database and broker, so
 * that moving time does not disturb the other integration tests): a matter concluded and left unrated
 * is recorded OVERDUE_UNRATED by the platform once the window closes — once, with two sweepers — a rated
 * one is not, and the petitioner's late rating replaces the unrated record.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "duban.intake.evaluation-window.sweep-enabled=false",
    // the relay's lease runs on the movable clock: days moved forward must not expire a lease it holds
    "duban.outbox.lease=3650d"})
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class EvaluationWindowIT {

    private static final String SUPERVISOR = TestTokens.supervisor("zhang.wei");
    private static final Instant START = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @TestConfiguration
    static class MovableTime {
        @Bean
        MovableClock clock() {
            return new MovableClock(START);
        }
    }

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        PlatformTestSupport.register(registry, "duban_intake_window_" + UUID.randomUUID().toString().replace("-", ""),
                null);
        registry.add("duban.intake.query-code.key-location", () -> "classpath:query-code-test.key");
    }

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;
    @Autowired
    MovableClock clock;
    @Autowired
    OverdueUnratedSweep sweep;
    @Autowired
    MongoDatabase database;
    @Autowired
    AggregateWriter writer;
    @Autowired
    PendingEvents events;

    private HttpCalls http;

    @BeforeEach
    void httpClient() {
        http = new HttpCalls(port);
        clock.set(START);
    }

    @Test
    void aMatterLeftUnratedIsRecordedOverdueUnratedOnceWhenTheWindowClosesAndALateRatingReplacesIt()
            throws Exception {
        // given: two matters concluded now; the second rated ten days later
        Concluded unrated = concludedMatter();
        Concluded rated = concludedMatter();
        clock.advance(Duration.ofDays(10));
        assertThat(http.post("/api/v1/cases/" + rated.id() + "/evaluations", SUPERVISOR,
                "{\"rating\":\"SATISFIED\"}").status()).isEqualTo(201);

        // when: a sweep a minute before the window closes
        clock.set(unrated.concludedAt().plus(Duration.ofDays(30)).minus(Duration.ofMinutes(1)));
        sweep.sweep();

        // then: nothing yet
        assertThat(history(unrated.id()).body().path("items")).isEmpty();

        // when: the window has closed; two instances sweep at once, then one again
        clock.set(unrated.concludedAt().plus(Duration.ofDays(30)).plus(Duration.ofHours(1)));
        OverdueUnratedSweep replica = replica();
        Thread other = new Thread(replica::sweep);
        other.start();
        sweep.sweep();
        other.join();
        sweep.sweep();

        // then: one 超期未评价, by the platform, dated when the window closed; the rated matter untouched
        HttpCalls.Answer history = history(unrated.id());
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.body().path("items")).hasSize(1);
        assertThat(history.body().at("/items/0/rating").asString()).isEqualTo("OVERDUE_UNRATED");
        assertThat(history.body().at("/items/0/channel").asString()).isEqualTo("SYSTEM");
        assertThat(history.body().at("/items/0/current").asBoolean()).isTrue();
        assertThat(Instant.parse(history.body().at("/items/0/recordedAt").asString()))
                .isEqualTo(unrated.concludedAt().plus(Duration.ofDays(30)));
        String unratedId = history.body().at("/items/0/id").asString();
        assertThat(history(rated.id()).body().path("items")).singleElement()
                .satisfies(item -> assertThat(item.path("rating").asString()).isEqualTo("SATISFIED"));
        await().atMost(Duration.ofSeconds(15)).until(() -> evaluationEvents(unrated.id()).size() == 1);
        assertThat(body(evaluationEvents(unrated.id()).get(0))).contains("\"rating\":\"OVERDUE_UNRATED\"",
                "\"channel\":\"SYSTEM\"", "\"role\":\"SYSTEM\"", "\"subject\":\"intake-service/evaluation-window\"");
        assertThat(evaluationEvents(rated.id())).hasSize(1);

        // when: the petitioner rates it late, with the query code
        clock.advance(Duration.ofDays(5));
        HttpCalls.Answer late = http.post("/api/v1/public/evaluations", null,
                "{\"queryCode\":\"" + unrated.queryCode() + "\",\"rating\":\"BASICALLY_SATISFIED\"}",
                Map.of("X-Forwarded-For", "203.0.113." + (int) (Math.random() * 200)));

        // then: the rating is current and names the unrated record it replaces, which stays in the history
        assertThat(late.status()).isEqualTo(202);
        HttpCalls.Answer after = history(unrated.id());
        assertThat(after.body().path("items")).hasSize(2);
        assertThat(after.body().at("/items/0/rating").asString()).isEqualTo("BASICALLY_SATISFIED");
        assertThat(after.body().at("/items/0/channel").asString()).isEqualTo("PUBLIC");
        assertThat(after.body().at("/items/0/current").asBoolean()).isTrue();
        assertThat(after.body().at("/items/0/replacesEvaluationId").asString()).isEqualTo(unratedId);
        assertThat(after.body().at("/items/1/rating").asString()).isEqualTo("OVERDUE_UNRATED");
        assertThat(after.body().at("/items/1/current").asBoolean()).isFalse();
        await().atMost(Duration.ofSeconds(15)).until(() -> evaluationEvents(unrated.id()).size() == 2);

        // and: sweeping again changes nothing
        clock.advance(Duration.ofDays(40));
        sweep.sweep();
        assertThat(history(unrated.id()).body().path("items")).hasSize(2);
    }

    @Test
    void nobodyEntersOverdueUnratedThroughTheApiAndNothingIsStored() {
        // given
        Concluded matter = concludedMatter();

        // when
        HttpCalls.Answer supervisor = http.post("/api/v1/cases/" + matter.id() + "/evaluations", SUPERVISOR,
                "{\"rating\":\"OVERDUE_UNRATED\"}");
        HttpCalls.Answer petitioner = http.post("/api/v1/public/evaluations", null,
                "{\"queryCode\":\"" + matter.queryCode() + "\",\"rating\":\"OVERDUE_UNRATED\"}",
                Map.of("X-Forwarded-For", "198.51.100." + (int) (Math.random() * 200)));

        // then
        assertThat(supervisor.status()).isEqualTo(400);
        assertThat(supervisor.contentType()).startsWith("application/problem+json");
        assertThat(petitioner.status()).isEqualTo(400);
        assertThat(history(matter.id()).body().path("items")).isEmpty();
    }

    /** A second instance's sweep over the same database. */
    private OverdueUnratedSweep replica() {
        return new OverdueUnratedSweep(new MongoConcludedMatters(database),
                new MongoEvaluations(database, writer, events), new MongoUnratedSweepProgress(database),
                new OverdueUnratedSweep.Settings(new EvaluationWindow(Duration.ofDays(30)), (Clock) clock));
    }

    private record Concluded(String id, String queryCode, Instant concludedAt) {
    }

    private Concluded concludedMatter() {
        HttpCalls.Answer unit = http.post("/api/v1/units", SUPERVISOR, "{\"code\":\"W"
                + UUID.randomUUID().toString().substring(0, 8) + "\",\"name\":\"城关街道办事处\",\"kind\":\"SUB_DISTRICT\"}");
        assertThat(unit.status()).isEqualTo(201);
        String unitToken = TestTokens.unit("li.na", unit.text("id"));
        HttpCalls.Answer matter = http.post("/api/v1/cases", SUPERVISOR, "{\"title\":\"小区加装电梯纠纷\","
                + "\"summary\":\"反映小区加装电梯协调不力\",\"channel\":\"VISIT\",\"origin\":\"SELF\","
                + "\"category\":\"URBAN_RURAL_CONSTRUCTION\",\"petitioner\":{\"name\":\"李某\"}}");
        assertThat(matter.status()).isEqualTo(201);
        HttpCalls.Answer issued = http.post("/api/v1/cases/" + matter.text("id") + "/assignments", SUPERVISOR,
                "{\"unitId\":\"" + unit.text("id") + "\",\"kind\":\"ASSIGN\"}");
        assertThat(issued.status()).isEqualTo(201);
        String assignment = "/api/v1/assignments/" + issued.text("id");
        assertThat(http.post(assignment + "/accept", unitToken, "{\"noticeSentAt\":\"" + clock.instant() + "\"}")
                .status()).isEqualTo(200);
        assertThat(http.post(assignment + "/final-report", unitToken, "{\"outcome\":\"SOLVED\",\"resolved\":true,"
                + "\"summary\":\"已协调解决\",\"repliedAt\":\"" + clock.instant() + "\"}").status()).isEqualTo(200);
        HttpCalls.Answer reviewed = http.post(assignment + "/review", SUPERVISOR, "{\"decision\":\"APPROVE\"}");
        assertThat(reviewed.text("status")).isEqualTo("CONCLUDED");
        return new Concluded(matter.text("id"), matter.text("queryCode"), Instant.parse(reviewed.text("closedAt")));
    }

    private HttpCalls.Answer history(String caseId) {
        return http.get("/api/v1/cases/" + caseId + "/evaluations", SUPERVISOR);
    }

    private List<ConsumerRecord<String, byte[]>> evaluationEvents(String caseId) {
        return TopicReader.readAll(bootstrap, Topics.INTAKE).stream()
                .filter(record -> caseId.equals(header(record, "ce_subject")))
                .filter(record -> "duban.evaluation.recorded.v1".equals(header(record, "ce_type")))
                .toList();
    }

    private static String body(ConsumerRecord<String, byte[]> record) {
        return new String(record.value(), StandardCharsets.UTF_8);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
