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
import org.bson.types.Binary;
import org.duban.contracts.events.Topics;
import org.duban.platform.testing.TestTokens;
import org.duban.platform.testing.TopicReader;
import org.junit.jupiter.api.Test;

/**
 * The query code (查询码) over real HTTP: a registration retried with its {@code Idempotency-Key} answers
 * the same code (kept sealed, never in the clear), and a supervisor issues a new code for a lost receipt
 * (查询码补发): the new one works, the old one answers as a wrong code, the event carries no code.
 */
class QueryCodeIT extends RunningIntake {

    private static final String REGISTRATION = "{\"title\":\"小区加装电梯纠纷\",\"summary\":\"反映小区加装电梯协调不力\","
            + "\"channel\":\"VISIT\",\"origin\":\"SELF\",\"category\":\"URBAN_RURAL_CONSTRUCTION\","
            + "\"petitioner\":{\"name\":\"李某\"}}";

    @Test
    void aRegistrationRetriedWithItsIdempotencyKeyAnswersTheSameQueryCode() {
        // given
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        HttpCalls.Answer first = http.post("/api/v1/cases", SUPERVISOR, REGISTRATION, key);

        // when
        HttpCalls.Answer retried = http.post("/api/v1/cases", SUPERVISOR, REGISTRATION, key);

        // then
        assertThat(first.status()).isEqualTo(201);
        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.text("id")).isEqualTo(first.text("id"));
        assertThat(first.text("queryCode")).hasSize(12);
        assertThat(retried.text("queryCode")).isEqualTo(first.text("queryCode"));
    }

    @Test
    void theCodeIsStoredOnlyHashedAndSealedNeverInTheClear() {
        // given
        HttpCalls.Answer registered = http.post("/api/v1/cases", SUPERVISOR, REGISTRATION,
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        String caseId = registered.text("id");
        String code = registered.text("queryCode");

        // when
        Document matter = database.getCollection("cases").find(new Document("_id", caseId)).first();
        Document sealed = database.getCollection("sealed_query_codes").find(new Document("_id", caseId)).first();

        // then
        assertThat(matter.toJson()).doesNotContain(code);
        assertThat(sealed).isNotNull();
        assertThat(sealed.toJson()).doesNotContain(code);
        assertThat(new String(sealed.get("sealed", Binary.class).getData(), StandardCharsets.ISO_8859_1))
                .doesNotContain(code);
        assertThat(sealed.getDate("expiresAt").toInstant())
                .isBetween(Instant.now().plus(Duration.ofDays(7)).minusSeconds(60), Instant.now().plus(Duration.ofDays(7)));
    }

    @Test
    void aRegistrationWithoutAKeyKeepsNoSealedCode() {
        // when
        HttpCalls.Answer registered = http.post("/api/v1/cases", SUPERVISOR, REGISTRATION);

        // then
        assertThat(registered.text("queryCode")).hasSize(12);
        assertThat(database.getCollection("sealed_query_codes").countDocuments(new Document("_id", registered.text("id"))))
                .isZero();
    }

    @Test
    void aReissuedCodeWorksForThePetitionerAndTheOldOneAnswersAsAWrongCodeAndChangesNothing() {
        // given: a concluded matter, its receipt lost
        Concluded matter = concludedMatter();

        // when
        HttpCalls.Answer reissued = http.post("/api/v1/cases/" + matter.id() + "/query-code", SUPERVISOR, "");
        HttpCalls.Answer withOld = rate(matter.oldCode());
        long afterOld = evaluations(matter.id());
        HttpCalls.Answer withNew = rate(reissued.text("queryCode"));

        // then
        assertThat(reissued.status()).isEqualTo(200);
        assertThat(reissued.text("caseId")).isEqualTo(matter.id());
        assertThat(reissued.text("queryCode")).hasSize(12).isNotEqualTo(matter.oldCode());
        assertThat(reissued.text("reissuedAt")).isNotBlank();
        assertThat(withOld.status()).isEqualTo(withNew.status()).isEqualTo(202);
        assertThat(withOld.body()).isEqualTo(withNew.body());
        assertThat(afterOld).isZero();
        assertThat(evaluations(matter.id())).isEqualTo(1);
    }

    @Test
    void theReissueIsAnnouncedOnceWithoutAnyCode() {
        // given
        HttpCalls.Answer registered = http.post("/api/v1/cases", SUPERVISOR, REGISTRATION);
        String caseId = registered.text("id");

        // when
        HttpCalls.Answer reissued = http.post("/api/v1/cases/" + caseId + "/query-code", SUPERVISOR, "");

        // then
        await().atMost(Duration.ofSeconds(15)).until(() -> reissueEvents(caseId).size() == 1);
        ConsumerRecord<String, byte[]> event = reissueEvents(caseId).get(0);
        String body = new String(event.value(), StandardCharsets.UTF_8);
        assertThat(event.key()).isEqualTo(caseId);
        assertThat(body).contains("\"caseId\":\"" + caseId + "\"", "\"subject\":\"zhang.wei\"")
                .doesNotContain(reissued.text("queryCode"), registered.text("queryCode"));
    }

    @Test
    void onlyASupervisorReissuesAndAMissingMatterAnswers404() {
        // given
        String caseId = http.post("/api/v1/cases", SUPERVISOR, REGISTRATION).text("id");
        String hash = database.getCollection("cases").find(new Document("_id", caseId)).first().getString("queryCodeHash");

        // when
        HttpCalls.Answer byLeader = http.post("/api/v1/cases/" + caseId + "/query-code", TestTokens.leader("wang"), "");
        HttpCalls.Answer byUnit = http.post("/api/v1/cases/" + caseId + "/query-code",
                TestTokens.unit("li.na", "unit-x"), "");
        HttpCalls.Answer anonymous = http.post("/api/v1/cases/" + caseId + "/query-code", null, "");
        HttpCalls.Answer missing = http.post("/api/v1/cases/no-such-case/query-code", SUPERVISOR, "");

        // then
        assertThat(byLeader.status()).isEqualTo(403);
        assertThat(byUnit.status()).isEqualTo(403);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(database.getCollection("cases").find(new Document("_id", caseId)).first().getString("queryCodeHash"))
                .isEqualTo(hash);
    }

    record Concluded(String id, String oldCode) {
    }

    private Concluded concludedMatter() {
        HttpCalls.Answer unitAnswer = http.post("/api/v1/units", SUPERVISOR, "{\"code\":\"Q"
                + UUID.randomUUID().toString().substring(0, 8) + "\",\"name\":\"城关街道办事处\",\"kind\":\"SUB_DISTRICT\"}");
        String unit = TestTokens.unit("li.na", unitAnswer.text("id"));
        HttpCalls.Answer registered = http.post("/api/v1/cases", SUPERVISOR, REGISTRATION);
        String assignment = "/api/v1/assignments/" + http.post("/api/v1/cases/" + registered.text("id")
                + "/assignments", SUPERVISOR, "{\"unitId\":\"" + unitAnswer.text("id") + "\",\"kind\":\"ASSIGN\"}")
                .text("id");
        assertThat(http.post(assignment + "/accept", unit, "{\"noticeSentAt\":\"" + Instant.now() + "\"}").status())
                .isEqualTo(200);
        assertThat(http.post(assignment + "/final-report", unit, "{\"outcome\":\"SOLVED\",\"resolved\":true,"
                + "\"summary\":\"已协调解决\",\"repliedAt\":\"" + Instant.now() + "\"}").status()).isEqualTo(200);
        assertThat(http.post(assignment + "/review", SUPERVISOR, "{\"decision\":\"APPROVE\"}").text("status"))
                .isEqualTo("CONCLUDED");
        return new Concluded(registered.text("id"), registered.text("queryCode"));
    }

    private HttpCalls.Answer rate(String queryCode) {
        return http.post("/api/v1/public/evaluations", null,
                "{\"queryCode\":\"" + queryCode + "\",\"rating\":\"SATISFIED\"}",
                Map.of("X-Forwarded-For", "client-" + UUID.randomUUID()));
    }

    private long evaluations(String caseId) {
        Document document = database.getCollection("evaluations").find(new Document("_id", caseId)).first();
        return document == null ? 0 : document.getList("history", Document.class).size();
    }

    private List<ConsumerRecord<String, byte[]>> reissueEvents(String caseId) {
        return TopicReader.readAll(bootstrap, Topics.INTAKE).stream()
                .filter(record -> caseId.equals(header(record, "ce_subject")))
                .filter(record -> "duban.case.query-code-reissued.v1".equals(header(record, "ce_type")))
                .toList();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
