package org.duban.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.duban.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The petitioner follows the matter with the query code (办理进度) over real HTTP, without a token: stages,
 * dates, the kind of body and the deadline, nothing of names, notes or people; a whistleblowing matter only
 * "received"; a wrong code — unknown or replaced — always the same 404; the public rate limit applies.
 */
class PublicProgressIT extends RunningIntake {

    private static final String PROGRESS = "/api/v1/public/progress";

    @Test
    void thePetitionerSeesTheStagesTheKindOfBodyAndTheDeadlineButNoNameOrNote() {
        // given
        Unit unit = registerUnit("DEPARTMENT");
        Matter matter = registerCase(false, List.of());
        String assignment = "/api/v1/assignments/" + issue(matter.id(), unit.id(), "ASSIGN",
                "请于期限内办结，联系人张科长");
        assertThat(http.post(assignment + "/accept", unit.token(), "{\"noticeSentAt\":\"" + Instant.now() + "\"}")
                .status()).isEqualTo(200);
        assertThat(http.post(assignment + "/progress", unit.token(), "{\"note\":\"已约谈信访人王某某\"}").status())
                .isEqualTo(200);
        String dueAt = http.get(assignment, SUPERVISOR).text("dueAt");

        // when
        HttpCalls.Answer progress = http.post(PROGRESS, null, body(matter.queryCode()), client());

        // then
        assertThat(progress.status()).as(progress.body().toString()).isEqualTo(200);
        assertThat(progress.body().path("stages").findValuesAsString("stage"))
                .containsExactly("REGISTERED", "ASSIGNED", "ACCEPTED");
        JsonNode assigned = progress.body().path("stages").get(1);
        assertThat(assigned.path("bodyKind").asString()).isEqualTo("DEPARTMENT");
        assertThat(Instant.parse(assigned.path("at").asString())).isEqualTo(Instant.parse(
                http.get(assignment, SUPERVISOR).text("issuedAt")));
        assertThat(Instant.parse(progress.text("dueAt"))).isEqualTo(Instant.parse(dueAt));
        assertThat(progress.body().toString()).doesNotContain("区住房城乡建委", unit.id(), "李某", "13800000000",
                "小区加装电梯纠纷", "反映小区加装电梯协调不力", "王某某", "张科长", "zhang.wei", "wang.fang", matter.id());
    }

    @Test
    void aWhistleblowingMatterAnswersOnlyThatItWasReceived() {
        // given: assigned and accepted, but it accuses a unit
        Unit accused = registerUnit("SUB_DISTRICT");
        Unit handling = registerUnit("DEPARTMENT");
        Matter matter = registerCase(true, List.of(accused.id()));
        String assignment = "/api/v1/assignments/" + issue(matter.id(), handling.id(), "TRANSFER", "核查");
        assertThat(http.post(assignment + "/accept", handling.token(), "{\"noticeSentAt\":\"" + Instant.now() + "\"}")
                .status()).isEqualTo(200);

        // when
        HttpCalls.Answer progress = http.post(PROGRESS, null, body(matter.queryCode()), client());

        // then
        assertThat(progress.status()).isEqualTo(200);
        assertThat(progress.body().path("stages")).hasSize(1);
        assertThat(progress.body().path("stages").get(0).path("stage").asString()).isEqualTo("REGISTERED");
        assertThat(progress.body().has("dueAt")).isFalse();
        assertThat(progress.body().toString()).doesNotContain("DEPARTMENT", "SUB_DISTRICT", "TRANSFERRED",
                "ACCEPTED", accused.id(), handling.id());
    }

    @Test
    void anUnknownCodeAndACodeReplacedByAReissueAnswerTheSame404() {
        // given
        Matter matter = registerCase(false, List.of());
        assertThat(http.post("/api/v1/cases/" + matter.id() + "/query-code", SUPERVISOR, "").status()).isEqualTo(200);

        // when
        HttpCalls.Answer unknown = http.post(PROGRESS, null, body("ZZZZ2345ZZZZ"), client());
        HttpCalls.Answer replaced = http.post(PROGRESS, null, body(matter.queryCode()), client());

        // then
        for (HttpCalls.Answer wrong : List.of(unknown, replaced)) {
            assertThat(wrong.status()).isEqualTo(404);
            assertThat(wrong.contentType()).startsWith("application/problem+json");
            assertThat(wrong.text("type")).isEqualTo("urn:duban:problem:not-found");
            assertThat(wrong.text("detail")).isEqualTo("matter with this query code was not found");
        }
        assertThat(fieldsBut(replaced.body(), "requestId")).isEqualTo(fieldsBut(unknown.body(), "requestId"));
        assertThat(replaced.body().toString()).doesNotContain(matter.queryCode(), matter.id());
    }

    @Test
    void aMissingBlankOrOverlongCodeOrAnUnknownFieldIsRefusedNamingTheField() {
        refused(http.post(PROGRESS, null, "{}", client()), "queryCode");
        refused(http.post(PROGRESS, null, body("   "), client()), "queryCode");
        refused(http.post(PROGRESS, null, body("X".repeat(33)), client()), "queryCode");
        refused(http.post(PROGRESS, null, "{\"queryCode\":\"ZZZZ2345ZZZZ\",\"caseId\":\"c-1\"}", client()), "caseId");
    }

    @Test
    void progressAndEvaluationShareOneBudgetAndTheEleventhCallIsRefusedWithRetryAfter() {
        // given
        Map<String, String> client = client();
        for (int call = 1; call <= 5; call++) {
            assertThat(http.post(PROGRESS, null, body("ZZZZ2345ZZZZ"), client).status()).isEqualTo(404);
            assertThat(http.post("/api/v1/public/evaluations", null,
                    "{\"queryCode\":\"ZZZZ2345ZZZZ\",\"rating\":\"SATISFIED\"}", client).status()).isEqualTo(202);
        }

        // when
        HttpCalls.Answer eleventh = http.post(PROGRESS, null, body("ZZZZ2345ZZZZ"), client);

        // then
        assertThat(eleventh.status()).isEqualTo(429);
        assertThat(eleventh.text("type")).isEqualTo("urn:duban:problem:rate-limited");
        assertThat(Long.parseLong(eleventh.header("Retry-After"))).isBetween(1L, 3600L);
    }

    record Unit(String id, String token) {
    }

    record Matter(String id, String queryCode) {
    }

    private Unit registerUnit(String kind) {
        HttpCalls.Answer answer = http.post("/api/v1/units", SUPERVISOR, "{\"code\":\"P"
                + UUID.randomUUID().toString().substring(0, 8) + "\",\"name\":\"区住房城乡建委\",\"kind\":\"" + kind + "\"}");
        assertThat(answer.status()).isEqualTo(201);
        return new Unit(answer.text("id"), TestTokens.unit("wang.fang", answer.text("id")));
    }

    private Matter registerCase(boolean whistleblowing, List<String> accused) {
        String accusedJson = accused.isEmpty() ? "[]" : "[\"" + String.join("\",\"", accused) + "\"]";
        HttpCalls.Answer answer = http.post("/api/v1/cases", SUPERVISOR, "{\"title\":\"小区加装电梯纠纷\","
                + "\"summary\":\"反映小区加装电梯协调不力\",\"channel\":\"VISIT\",\"origin\":\"SELF\","
                + "\"category\":\"URBAN_RURAL_CONSTRUCTION\",\"petitioner\":{\"name\":\"李某\",\"phone\":\"13800000000\"},"
                + "\"whistleblowing\":" + whistleblowing + ",\"accusedUnitIds\":" + accusedJson + "}");
        assertThat(answer.status()).isEqualTo(201);
        return new Matter(answer.text("id"), answer.text("queryCode"));
    }

    private String issue(String caseId, String unitId, String kind, String instructions) {
        HttpCalls.Answer answer = http.post("/api/v1/cases/" + caseId + "/assignments", SUPERVISOR,
                "{\"unitId\":\"" + unitId + "\",\"kind\":\"" + kind + "\",\"instructions\":\"" + instructions + "\"}");
        assertThat(answer.status()).isEqualTo(201);
        return answer.text("id");
    }

    private static String body(String queryCode) {
        return "{\"queryCode\":\"" + queryCode + "\"}";
    }

    /** A client of its own, so that no test spends another's budget. */
    private static Map<String, String> client() {
        return Map.of("X-Forwarded-For", "client-" + UUID.randomUUID());
    }

    private static Map<String, String> fieldsBut(JsonNode body, String left) {
        Map<String, String> fields = new java.util.TreeMap<>();
        body.properties().forEach(field -> {
            if (!field.getKey().equals(left)) {
                fields.put(field.getKey(), field.getValue().toString());
            }
        });
        return fields;
    }

    private void refused(HttpCalls.Answer answer, String field) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().path("errors").findValuesAsString("field")).contains(field);
    }
}
