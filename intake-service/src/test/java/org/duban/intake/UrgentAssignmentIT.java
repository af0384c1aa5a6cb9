package org.duban.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;

/** 急件: an assignment due before the office's acceptance period ends (issue 12, item 3). */
class UrgentAssignmentIT extends RunningIntake {

    @Test
    void anAssignmentDueInThreeDaysIsIssuedAndMustBeAcceptedByThen() {
        // given
        String unitId = registerUnit();
        String caseId = registerCase();
        Instant dueAt = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);

        // when
        HttpCalls.Answer issued = http.post("/api/v1/cases/" + caseId + "/assignments", SUPERVISOR,
                "{\"unitId\":\"" + unitId + "\",\"kind\":\"ASSIGN\",\"dueAt\":\"" + dueAt + "\"}");

        // then
        assertThat(issued.status()).isEqualTo(201);
        assertThat(Instant.parse(issued.text("dueAt"))).isEqualTo(dueAt);
        assertThat(Instant.parse(issued.text("acceptanceDueAt"))).isEqualTo(dueAt);
        assertThat(issued.body().path("deadlineProvisional").asBoolean()).isFalse();
    }

    @Test
    void aDueAtNotAfterTheIssueIsRefusedNamingItAndStoresNothing() {
        // given
        String unitId = registerUnit();
        String caseId = registerCase();

        // when
        HttpCalls.Answer refused = http.post("/api/v1/cases/" + caseId + "/assignments", SUPERVISOR,
                "{\"unitId\":\"" + unitId + "\",\"kind\":\"ASSIGN\",\"dueAt\":\""
                        + Instant.now().minus(Duration.ofHours(1)) + "\"}");

        // then
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.text("type")).isEqualTo("urn:duban:problem:invalid-request");
        assertThat(refused.body().path("errors").get(0).path("field").asString()).isEqualTo("dueAt");
        assertThat(database.getCollection("assignments").countDocuments(new Document("caseId", caseId))).isZero();
    }

    private String registerUnit() {
        HttpCalls.Answer answer = http.post("/api/v1/units", SUPERVISOR, "{\"code\":\"U"
                + UUID.randomUUID().toString().substring(0, 8) + "\",\"name\":\"城关街道办事处\",\"kind\":\"SUB_DISTRICT\","
                + "\"contacts\":[{\"name\":\"王芳\",\"phone\":\"0571-88000000\"}]}");
        assertThat(answer.status()).isEqualTo(201);
        return answer.text("id");
    }

    private String registerCase() {
        HttpCalls.Answer answer = http.post("/api/v1/cases", SUPERVISOR,
                "{\"title\":\"企业欠薪急件\",\"summary\":\"春节前农民工工资\",\"channel\":\"VISIT\",\"origin\":\"SELF\","
                        + "\"category\":\"LABOR_SOCIAL_SECURITY\",\"petitioner\":{\"name\":\"李某\"},\"prominent\":false}");
        assertThat(answer.status()).isEqualTo(201);
        return answer.text("id");
    }
}
