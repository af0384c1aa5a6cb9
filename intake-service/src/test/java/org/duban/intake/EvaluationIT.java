package org.duban.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.bson.Document;
import org.duban.contracts.events.Topics;
import org.duban.platform.testing.TestTokens;
import org.duban.platform.testing.TopicReader;
import org.junit.jupiter.api.Test;

/**
 * The petitioner's evaluation (群众参评) over real HTTP: entered by a supervisor or sent with the query
 * code on the public endpoint, only for a concluded matter, one event each, the public answer never
 * telling whether a code exists, the public endpoint rate-limited per client.
 */
class EvaluationIT extends RunningIntake {

    private static final String PUBLIC = "/api/v1/public/evaluations";

    @Test
    void aSupervisorEntersThePetitionersEvaluationOfAConcludedMatterAndALaterOneReplacesItKeepingBoth() {
        // given
        Matter matter = concludedMatter();

        // when
        HttpCalls.Answer first = evaluate(matter.id(), "{\"rating\":\"DISSATISFIED\",\"comment\":\"答复不清楚\"}");
        HttpCalls.Answer second = evaluate(matter.id(), "{\"rating\":\"BASICALLY_SATISFIED\"}");
        HttpCalls.Answer history = http.get(evaluations(matter.id()), SUPERVISOR);

        // then
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.text("rating")).isEqualTo("DISSATISFIED");
        assertThat(first.text("channel")).isEqualTo("SUPERVISOR");
        assertThat(first.body().path("current").asBoolean()).isTrue();
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.text("replacesEvaluationId")).isEqualTo(first.text("id"));
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.body().path("items")).hasSize(2);
        assertThat(history.body().path("items").get(0).path("id").asString()).isEqualTo(second.text("id"));
        assertThat(history.body().path("items").get(0).path("current").asBoolean()).isTrue();
        assertThat(history.body().path("items").get(1).path("id").asString()).isEqualTo(first.text("id"));
        assertThat(history.body().path("items").get(1).path("current").asBoolean()).isFalse();
        assertThat(history.body().path("items").get(1).path("comment").asString()).isEqualTo("答复不清楚");
        String firstEvent = body(awaitOnce(matter.id(), first.text("id")));
        assertThat(firstEvent).contains("\"rating\":\"DISSATISFIED\"", "\"channel\":\"SUPERVISOR\"")
                .doesNotContain("答复不清楚", "李某");
        assertThat(body(awaitOnce(matter.id(), second.text("id"))))
                .contains("\"replacesEvaluationId\":\"" + first.text("id") + "\"");
    }

    @Test
    void aMatterWithoutAConcludedAssignmentIsNotEvaluatedAndNothingIsStored() {
        // given: issued and accepted, not concluded
        String unitId = registerUnit();
        Matter matter = registerCase();
        String assignmentId = issue(matter.id(), unitId);
        assertThat(http.post("/api/v1/assignments/" + assignmentId + "/accept", TestTokens.unit("li.na", unitId),
                "{\"noticeSentAt\":\"" + Instant.now() + "\"}").status()).isEqualTo(200);

        // when
        HttpCalls.Answer refused = evaluate(matter.id(), "{\"rating\":\"SATISFIED\"}");

        // then
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.text("detail")).contains("no concluded assignment");
        assertThat(stored(matter.id())).isZero();
        assertThat(http.post(PUBLIC, null, publicBody(matter.queryCode(), "SATISFIED"), client()).status())
                .isEqualTo(202);
        assertThat(stored(matter.id())).isZero();
    }

    @Test
    void thePetitionerEvaluatesWithTheQueryCodeOfTheRegisteringCallWithoutAToken() {
        // given
        Matter matter = concludedMatter();

        // when
        HttpCalls.Answer answer = http.post(PUBLIC, null,
                "{\"queryCode\":\"" + matter.queryCode() + "\",\"rating\":\"SATISFIED\",\"comment\":\"满意\"}",
                client());

        // then
        assertThat(answer.status()).isEqualTo(202);
        HttpCalls.Answer history = http.get(evaluations(matter.id()), SUPERVISOR);
        assertThat(history.body().path("items")).hasSize(1);
        String evaluationId = history.body().path("items").get(0).path("id").asString();
        assertThat(history.body().path("items").get(0).path("channel").asString()).isEqualTo("PUBLIC");
        assertThat(history.body().path("items").get(0).path("comment").asString()).isEqualTo("满意");
        assertThat(body(awaitOnce(matter.id(), evaluationId)))
                .contains("\"channel\":\"PUBLIC\"", "\"role\":\"PETITIONER\"").doesNotContain(matter.queryCode());
    }

    @Test
    void aWrongCodeAnswersExactlyLikeARightOneAndChangesNothing() {
        // given
        Matter matter = concludedMatter();
        long evaluationsBefore = database.getCollection("evaluations").countDocuments();
        Map<String, String> client = client();

        // when
        HttpCalls.Answer wrong = http.post(PUBLIC, null, publicBody("ZZZZ2345ZZZZ", "DISSATISFIED"), client);
        long evaluationsAfterWrong = database.getCollection("evaluations").countDocuments();
        HttpCalls.Answer right = http.post(PUBLIC, null, publicBody(matter.queryCode(), "DISSATISFIED"), client);

        // then
        assertThat(wrong.status()).isEqualTo(right.status()).isEqualTo(202);
        assertThat(wrong.contentType()).isEqualTo(right.contentType());
        assertThat(wrong.body()).isEqualTo(right.body());
        assertThat(evaluationsAfterWrong).isEqualTo(evaluationsBefore);
        assertThat(stored(matter.id())).isEqualTo(1);
    }

    @Test
    void theEleventhPublicCallOfAClientWithinTheWindowIsRefusedWithRetryAfter() {
        // given
        Map<String, String> client = Map.of("X-Forwarded-For", address() + ", 10.0.0.1");
        for (int call = 1; call <= 10; call++) {
            assertThat(http.post(PUBLIC, null, publicBody("ZZZZ2345ZZZZ", "SATISFIED"), client).status())
                    .as("call %d", call).isEqualTo(202);
        }

        // when
        HttpCalls.Answer eleventh = http.post(PUBLIC, null, publicBody("ZZZZ2345ZZZZ", "SATISFIED"), client);

        // then
        assertThat(eleventh.status()).isEqualTo(429);
        assertThat(eleventh.contentType()).startsWith("application/problem+json");
        assertThat(eleventh.text("type")).isEqualTo("urn:duban:problem:rate-limited");
        assertThat(Long.parseLong(eleventh.header("Retry-After"))).isBetween(1L, 3600L);
        assertThat(http.post(PUBLIC, null, publicBody("ZZZZ2345ZZZZ", "SATISFIED"), client()).status())
                .as("another client").isEqualTo(202);
    }

    @Test
    void malformedEvaluationsAnswer400NamingTheFieldAndStoreNothing() {
        // given
        Matter matter = concludedMatter();

        // when / then
        refused(evaluate(matter.id(), "{\"rating\":\"VERY_HAPPY\"}"), "rating");
        refused(evaluate(matter.id(), "{\"rating\":\"SATISFIED\",\"score\":5}"), "score");
        refused(evaluate(matter.id(), "{\"rating\":\"SATISFIED\",\"comment\":\"" + "评".repeat(501) + "\"}"), "comment");
        refused(evaluate(matter.id(), "{}"), "rating");
        refused(http.post(PUBLIC, null, "{\"queryCode\":\"" + matter.queryCode() + "\",\"rating\":\"GOOD\"}",
                client()), "rating");
        refused(http.post(PUBLIC, null, "{\"queryCode\":\"" + matter.queryCode()
                + "\",\"rating\":\"SATISFIED\",\"name\":\"李某\"}", client()), "name");
        refused(http.post(PUBLIC, null, "{\"queryCode\":\"" + matter.queryCode()
                + "\",\"rating\":\"SATISFIED\",\"comment\":\"" + "评".repeat(501) + "\"}", client()), "comment");
        assertThat(stored(matter.id())).isZero();
    }

    @Test
    void aUnitMayNeitherEnterNorReadEvaluations() {
        // given
        Matter matter = concludedMatter();
        String unit = TestTokens.unit("li.na", matter.unitId());

        // when
        HttpCalls.Answer entered = http.post(evaluations(matter.id()), unit, "{\"rating\":\"SATISFIED\"}");
        HttpCalls.Answer read = http.get(evaluations(matter.id()), unit);

        // then
        assertThat(entered.status()).isEqualTo(403);
        assertThat(read.status()).isEqualTo(403);
        assertThat(stored(matter.id())).isZero();
    }

    @Test
    void theUnitWhoseAssignmentConcludedStillReadsTheMatterWithThePetitioner() {
        // given
        Matter matter = concludedMatter();

        // when
        HttpCalls.Answer read = http.get("/api/v1/cases/" + matter.id(), TestTokens.unit("li.na", matter.unitId()));

        // then
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().path("petitioner").path("name").asString()).isEqualTo("李某");
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyAnswersTheSameEvaluationAnnouncedOnce() {
        // given
        Matter matter = concludedMatter();
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());

        // when
        HttpCalls.Answer first = http.post(evaluations(matter.id()), SUPERVISOR, "{\"rating\":\"SATISFIED\"}", key);
        HttpCalls.Answer retried = http.post(evaluations(matter.id()), SUPERVISOR, "{\"rating\":\"SATISFIED\"}", key);

        // then
        assertThat(first.status()).isEqualTo(201);
        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.text("id")).isEqualTo(first.text("id"));
        assertThat(stored(matter.id())).isEqualTo(1);
        awaitOnce(matter.id(), first.text("id"));
        assertThat(evaluationEvents(matter.id())).hasSize(1);
    }

    @Test
    void anUnknownMatterAnswers404() {
        assertThat(evaluate("no-such-case", "{\"rating\":\"SATISFIED\"}").status()).isEqualTo(404);
        assertThat(http.get(evaluations("no-such-case"), SUPERVISOR).status()).isEqualTo(404);
    }

    record Matter(String id, String queryCode, String unitId) {
    }

    /** Registered, issued as 交办, accepted, reported and approved: CONCLUDED. */
    private Matter concludedMatter() {
        String unitId = registerUnit();
        String unit = TestTokens.unit("li.na", unitId);
        Matter registered = registerCase();
        String assignmentId = issue(registered.id(), unitId);
        String assignment = "/api/v1/assignments/" + assignmentId;
        assertThat(http.post(assignment + "/accept", unit, "{\"noticeSentAt\":\"" + Instant.now() + "\"}").status())
                .isEqualTo(200);
        assertThat(http.post(assignment + "/final-report", unit, "{\"outcome\":\"SOLVED\",\"resolved\":true,"
                + "\"summary\":\"已协调解决\",\"repliedAt\":\"" + Instant.now() + "\"}").status()).isEqualTo(200);
        HttpCalls.Answer reviewed = http.post(assignment + "/review", SUPERVISOR, "{\"decision\":\"APPROVE\"}");
        assertThat(reviewed.text("status")).isEqualTo("CONCLUDED");
        return new Matter(registered.id(), registered.queryCode(), unitId);
    }

    private String registerUnit() {
        HttpCalls.Answer answer = http.post("/api/v1/units", SUPERVISOR, "{\"code\":\"E"
                + UUID.randomUUID().toString().substring(0, 8) + "\",\"name\":\"城关街道办事处\",\"kind\":\"SUB_DISTRICT\"}");
        assertThat(answer.status()).isEqualTo(201);
        return answer.text("id");
    }

    private Matter registerCase() {
        HttpCalls.Answer answer = http.post("/api/v1/cases", SUPERVISOR, "{\"title\":\"小区加装电梯纠纷\","
                + "\"summary\":\"反映小区加装电梯协调不力\",\"channel\":\"VISIT\",\"origin\":\"SELF\","
                + "\"category\":\"URBAN_RURAL_CONSTRUCTION\",\"petitioner\":{\"name\":\"李某\"}}");
        assertThat(answer.status()).isEqualTo(201);
        return new Matter(answer.text("id"), answer.text("queryCode"), null);
    }

    private String issue(String caseId, String unitId) {
        HttpCalls.Answer answer = http.post("/api/v1/cases/" + caseId + "/assignments", SUPERVISOR,
                "{\"unitId\":\"" + unitId + "\",\"kind\":\"ASSIGN\"}");
        assertThat(answer.status()).isEqualTo(201);
        return answer.text("id");
    }

    private HttpCalls.Answer evaluate(String caseId, String json) {
        return http.post(evaluations(caseId), SUPERVISOR, json);
    }

    private static String evaluations(String caseId) {
        return "/api/v1/cases/" + caseId + "/evaluations";
    }

    private static String publicBody(String queryCode, String rating) {
        return "{\"queryCode\":\"" + queryCode + "\",\"rating\":\"" + rating + "\"}";
    }

    /** A client of its own, so that no test spends another's budget. */
    private static Map<String, String> client() {
        return Map.of("X-Forwarded-For", address());
    }

    private static String address() {
        return "client-" + UUID.randomUUID();
    }

    private void refused(HttpCalls.Answer answer, String field) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(400);
        assertThat(answer.body().path("errors").findValuesAsString("field")).contains(field);
    }

    private long stored(String caseId) {
        Document document = database.getCollection("evaluations").find(new Document("_id", caseId)).first();
        return document == null ? 0 : document.getList("history", Document.class).size();
    }

    private ConsumerRecord<String, byte[]> awaitOnce(String caseId, String evaluationId) {
        await().atMost(Duration.ofSeconds(15)).until(() -> evaluationEvents(caseId).stream()
                .anyMatch(record -> body(record).contains("\"evaluationId\":\"" + evaluationId + "\"")));
        List<ConsumerRecord<String, byte[]>> found = evaluationEvents(caseId).stream()
                .filter(record -> body(record).contains("\"evaluationId\":\"" + evaluationId + "\"")).toList();
        assertThat(found).hasSize(1);
        assertThat(found.get(0).key()).isEqualTo(caseId);
        return found.get(0);
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
