package org.duban.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.duban.contracts.events.Topics;
import org.duban.platform.testing.TestTokens;
import org.duban.platform.testing.TopicReader;
import org.junit.jupiter.api.Test;

/**
 * 律师参与 over real HTTP: supervisors record lawyers' duty sessions (律师坐班接访) and their part in
 * matters (参与调解, 法律意见), supervisors and leaders list them by period; bad input is a problem
 * document naming the fields, and nothing is stored or announced.
 */
class LawyerIT extends RunningIntake {

    private static final String SESSIONS = "/api/v1/lawyer-duty-sessions";
    private static final String PARTICIPATIONS = "/api/v1/lawyer-participations";
    private static final String LEADER = TestTokens.leader("wang.qiang");
    /** Yesterday in the office: valid whatever the hour the test runs at. */
    private static final LocalDate YESTERDAY = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1);

    @Test
    void aSupervisorRecordsADutySessionAndOfficeStaffListItByPeriod() {
        // given: a lawyer of our own, so that other tests' sessions do not get in the way
        String lawyer = "赵律师" + UUID.randomUUID().toString().substring(0, 4);

        // when
        HttpCalls.Answer recorded = http.post(SESSIONS, SUPERVISOR, "{\"heldOn\":\"" + YESTERDAY
                + "\",\"lawyerName\":\"" + lawyer + "\",\"visitorsReceived\":7,\"note\":\"周一坐班\"}");

        // then
        assertThat(recorded.status()).as(recorded.body().toString()).isEqualTo(201);
        assertThat(recorded.text("heldOn")).isEqualTo(YESTERDAY.toString());
        assertThat(recorded.text("lawyerName")).isEqualTo(lawyer);
        assertThat(recorded.body().path("visitorsReceived").asInt()).isEqualTo(7);
        assertThat(recorded.text("note")).isEqualTo("周一坐班");
        String id = recorded.text("id");
        ConsumerRecord<String, byte[]> event = awaitOne(id, "duban.lawyer.duty-session-recorded.v1");
        assertThat(event.key()).isEqualTo(id);
        assertThat(body(event)).contains("\"heldOn\":\"" + YESTERDAY + "\"", "\"visitorsReceived\":7")
                .doesNotContain(lawyer, "周一坐班");

        HttpCalls.Answer listed = http.get(SESSIONS + "?from=" + YESTERDAY + "&to=" + YESTERDAY.plusDays(1)
                + "&size=200", LEADER);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body().path("items").findValuesAsString("id")).contains(id);
        HttpCalls.Answer before = http.get(SESSIONS + "?to=" + YESTERDAY + "&size=200", SUPERVISOR);
        assertThat(before.body().path("items").findValuesAsString("id")).doesNotContain(id);
        assertThat(http.post(SESSIONS, LEADER, "{\"heldOn\":\"" + YESTERDAY
                + "\",\"lawyerName\":\"钱律师\",\"visitorsReceived\":1}").status()).isEqualTo(403);
        assertThat(http.get(SESSIONS, TestTokens.unit("li.na", "unit-1")).status()).isEqualTo(403);
    }

    @Test
    void badInputIsAProblemNamingEveryOffendingFieldAndNothingIsStoredOrAnnounced() {
        // given
        long sessions = stored("lawyer_duty_sessions");
        long parts = stored("lawyer_participations");
        String caseId = registerCase();

        // when
        HttpCalls.Answer empty = http.post(SESSIONS, SUPERVISOR,
                "{\"heldOn\":\"" + YESTERDAY + "\",\"lawyerName\":\"\",\"visitorsReceived\":-1}");
        HttpCalls.Answer blank = http.post(SESSIONS, SUPERVISOR,
                "{\"heldOn\":\"" + YESTERDAY + "\",\"lawyerName\":\"   \",\"visitorsReceived\":2}");
        HttpCalls.Answer badDay = http.post(SESSIONS, SUPERVISOR,
                "{\"heldOn\":\"2026-13-01\",\"lawyerName\":\"赵律师\",\"visitorsReceived\":2}");
        HttpCalls.Answer future = http.post(SESSIONS, SUPERVISOR, "{\"heldOn\":\"" + YESTERDAY.plusDays(3)
                + "\",\"lawyerName\":\"赵律师\",\"visitorsReceived\":2}");
        HttpCalls.Answer missing = http.post(SESSIONS, SUPERVISOR, "{\"lawyerName\":\"赵律师\"}");
        HttpCalls.Answer unknownMatter = http.post(PARTICIPATIONS, SUPERVISOR, "{\"caseId\":\"no-such-matter\","
                + "\"kind\":\"MEDIATION\",\"lawyerName\":\"赵律师\",\"participatedOn\":\"" + YESTERDAY + "\"}");
        HttpCalls.Answer badKind = http.post(PARTICIPATIONS, SUPERVISOR, "{\"caseId\":\"" + caseId
                + "\",\"kind\":\"ARBITRATION\",\"lawyerName\":\"赵律师\",\"participatedOn\":\"" + YESTERDAY + "\"}");
        HttpCalls.Answer badPeriod = http.get(SESSIONS + "?from=" + YESTERDAY + "&to=" + YESTERDAY, SUPERVISOR);

        // then
        refused(empty, "lawyerName", "visitorsReceived");
        refused(blank, "lawyerName");
        refused(badDay, "heldOn");
        refused(future, "heldOn");
        assertThat(future.body().path("errors").findValuesAsString("message")).contains("must not be in the future");
        refused(missing, "heldOn", "visitorsReceived");
        refused(unknownMatter, "caseId");
        refused(badKind, "kind");
        refused(badPeriod, "to");
        assertThat(stored("lawyer_duty_sessions")).isEqualTo(sessions);
        assertThat(stored("lawyer_participations")).isEqualTo(parts);
    }

    @Test
    void aSupervisorRecordsALawyersPartInAMatterOncePerIdempotencyKeyAndListsItByMatterAndKind() {
        // given
        String caseId = registerCase();
        String body = "{\"caseId\":\"" + caseId + "\",\"kind\":\"MEDIATION\",\"lawyerName\":\"钱律师\","
                + "\"participatedOn\":\"" + YESTERDAY + "\",\"note\":\"重大矛盾化解，邀请律师参与调解\"}";
        String key = UUID.randomUUID().toString();

        // when
        HttpCalls.Answer first = http.post(PARTICIPATIONS, SUPERVISOR, body, Map.of("Idempotency-Key", key));
        HttpCalls.Answer again = http.post(PARTICIPATIONS, SUPERVISOR, body, Map.of("Idempotency-Key", key));
        HttpCalls.Answer opinion = http.post(PARTICIPATIONS, SUPERVISOR, "{\"caseId\":\"" + caseId
                + "\",\"kind\":\"LEGAL_OPINION\",\"lawyerName\":\"孙律师\",\"participatedOn\":\"" + YESTERDAY + "\"}");

        // then
        assertThat(first.status()).as(first.body().toString()).isEqualTo(201);
        assertThat(first.text("caseTitle")).isEqualTo("小区加装电梯纠纷");
        assertThat(first.text("kind")).isEqualTo("MEDIATION");
        assertThat(again.text("id")).isEqualTo(first.text("id"));
        assertThat(opinion.status()).isEqualTo(201);
        ConsumerRecord<String, byte[]> event = awaitOne(caseId, "duban.lawyer.participation-recorded.v1",
                first.text("id"));
        assertThat(event.key()).isEqualTo(caseId);
        assertThat(body(event)).contains("\"kind\":\"MEDIATION\"").doesNotContain("钱律师", "邀请律师");
        await().atMost(Duration.ofSeconds(15)).until(() -> events(caseId, "duban.lawyer.participation-recorded.v1")
                .size() == 2);

        HttpCalls.Answer ofTheMatter = http.get(PARTICIPATIONS + "?caseId=" + caseId, LEADER);
        HttpCalls.Answer mediations = http.get(PARTICIPATIONS + "?caseId=" + caseId + "&kind=MEDIATION"
                + "&from=" + YESTERDAY + "&to=" + YESTERDAY.plusDays(1), SUPERVISOR);
        assertThat(ofTheMatter.status()).isEqualTo(200);
        assertThat(ofTheMatter.body().path("items")).hasSize(2);
        assertThat(ofTheMatter.body().path("page").path("totalElements").asLong()).isEqualTo(2);
        assertThat(mediations.body().path("items").findValuesAsString("id")).containsExactly(first.text("id"));
        assertThat(mediations.body().at("/items/0/lawyerName").asString()).isEqualTo("钱律师");
    }

    private String registerCase() {
        HttpCalls.Answer answer = http.post("/api/v1/cases", SUPERVISOR, "{\"title\":\"小区加装电梯纠纷\","
                + "\"summary\":\"反映小区加装电梯协调不力\",\"channel\":\"VISIT\",\"origin\":\"SELF\","
                + "\"category\":\"URBAN_RURAL_CONSTRUCTION\",\"petitioner\":{\"name\":\"李某\"}}");
        assertThat(answer.status()).isEqualTo(201);
        return answer.text("id");
    }

    private static void refused(HttpCalls.Answer answer, String... fields) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.text("type")).isEqualTo("urn:duban:problem:invalid-request");
        assertThat(answer.body().path("errors").findValuesAsString("field")).contains(fields);
    }

    private long stored(String collection) {
        return database.getCollection(collection).countDocuments();
    }

    private ConsumerRecord<String, byte[]> awaitOne(String subject, String type) {
        await().atMost(Duration.ofSeconds(15)).until(() -> !events(subject, type).isEmpty());
        List<ConsumerRecord<String, byte[]>> found = events(subject, type);
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private ConsumerRecord<String, byte[]> awaitOne(String caseId, String type, String participationId) {
        await().atMost(Duration.ofSeconds(15)).until(() -> events(caseId, type).stream()
                .anyMatch(record -> body(record).contains(participationId)));
        List<ConsumerRecord<String, byte[]>> found = events(caseId, type).stream()
                .filter(record -> body(record).contains(participationId)).toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private List<ConsumerRecord<String, byte[]>> events(String key, String type) {
        return TopicReader.readAll(bootstrap, Topics.INTAKE).stream()
                .filter(record -> key.equals(record.key()))
                .filter(record -> type.equals(header(record, "ce_type")))
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
