package org.duban.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.duban.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** One unit over real HTTP (GET /api/v1/units/{id}): office staff read any, a unit only itself. */
class UnitIT extends RunningIntake {

    private static final String UNITS = "/api/v1/units/";

    @Test
    void supervisorsAndLeadersReadAnyUnitWithItsContacts() {
        // given
        String code = code();
        String unitId = register(code);

        // when
        HttpCalls.Answer bySupervisor = http.get(UNITS + unitId, SUPERVISOR);
        HttpCalls.Answer byLeader = http.get(UNITS + unitId, TestTokens.leader("wang.qiang"));

        // then
        for (HttpCalls.Answer answer : List.of(bySupervisor, byLeader)) {
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.text("id")).isEqualTo(unitId);
            assertThat(answer.text("code")).isEqualTo(code);
            assertThat(answer.text("kind")).isEqualTo("SUB_DISTRICT");
            assertThat(answer.body().path("contacts").get(0).path("name").asString()).isEqualTo("王芳");
        }
    }

    @Test
    void aUnitReadsItselfAndAnyOtherUnitAnswers404ExactlyLikeAMissingOne() {
        // given
        String own = register(code());
        String other = register(code());
        String unit = TestTokens.unit("li.na", own);

        // when
        HttpCalls.Answer itself = http.get(UNITS + own, unit);
        HttpCalls.Answer another = http.get(UNITS + other, unit);
        HttpCalls.Answer missing = http.get(UNITS + "no-such-unit", unit);

        // then
        assertThat(itself.status()).isEqualTo(200);
        assertThat(itself.text("id")).isEqualTo(own);
        for (HttpCalls.Answer hidden : List.of(another, missing)) {
            assertThat(hidden.status()).isEqualTo(404);
            assertThat(hidden.text("type")).isEqualTo("urn:duban:problem:not-found");
            assertThat(hidden.text("title")).isEqualTo(missing.text("title"));
        }
        assertThat(another.body().toString()).doesNotContain("王芳");
        assertThat(http.get(UNITS + "no-such-unit", SUPERVISOR).status()).isEqualTo(404);
    }

    @Test
    void aTokenWithoutAnOfficeOrUnitRoleIsRefusedAndAnOverlongIdAnswers400() {
        // given
        String unitId = register(code());
        String roleless = TestTokens.sign("someone", List.of(), null, Duration.ofHours(1));

        // when
        HttpCalls.Answer refused = http.get(UNITS + unitId, roleless);
        HttpCalls.Answer overlong = http.get(UNITS + "u".repeat(65), SUPERVISOR);

        // then
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("type")).isEqualTo("urn:duban:problem:forbidden");
        assertThat(overlong.status()).isEqualTo(400);
        assertThat(overlong.body().path("errors").findValuesAsString("field")).contains("unitId");
    }

    @Test
    void aTokenTheServiceWasNotToldToTrustIsNotATokenAtAll() {
        // given: signed with the office's key, but for the wrong issuer or audience, or mixing a unit's
        // role with the office's (which today read every unit's data and acted as any unit)
        String unitId = register(code());
        List<String> tokens = List.of(
                TestTokens.sign("https://idp.elsewhere.example", TestTokens.AUDIENCE, "x", List.of("SUPERVISOR"), null,
                        Duration.ofHours(1)),
                TestTokens.sign(TestTokens.ISSUER, "another-system", "x", List.of("SUPERVISOR"), null,
                        Duration.ofHours(1)),
                TestTokens.sign("duban-local", TestTokens.AUDIENCE, "x", List.of("SUPERVISOR"), null, Duration.ofHours(1)),
                TestTokens.sign("x", List.of("UNIT", "LEADER"), "unit-1", Duration.ofHours(1)),
                TestTokens.sign("x", List.of("UNIT"), null, Duration.ofHours(1)));

        for (String token : tokens) {
            // when
            HttpCalls.Answer answer = http.get(UNITS + unitId, token);

            // then
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.text("type")).isEqualTo("urn:duban:problem:unauthenticated");
            assertThat(answer.body().toString()).doesNotContain("王芳");
        }
    }

    private String register(String code) {
        HttpCalls.Answer answer = http.post("/api/v1/units", SUPERVISOR, "{\"code\":\"" + code
                + "\",\"name\":\"城关街道办事处\",\"kind\":\"SUB_DISTRICT\",\"contacts\":[{\"name\":\"王芳\"}]}");
        assertThat(answer.status()).isEqualTo(201);
        return answer.text("id");
    }

    private static String code() {
        return "G" + UUID.randomUUID().toString().substring(0, 8);
    }
}
