package org.duban.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.duban.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * The list of assignments over real HTTP (GET /api/v1/assignments): by matter and by pending extension,
 * combined with status and unit, a unit's own only; and every answer about an assignment carries its
 * matter's title.
 */
class AssignmentListIT extends RunningIntake {

    private static final String ASSIGNMENTS = "/api/v1/assignments";

    @Test
    void findsTheAssignmentsOfAMatterWithAndWithoutAnExtensionAwaitingADecision() {
        // given: one matter assigned to two units; both accept, the first asks for more time
        String first = registerUnit();
        String second = registerUnit();
        String caseId = registerCase("加装电梯纠纷");
        String waiting = issue(first, caseId);
        String plain = issue(second, caseId);
        accept(waiting, first);
        accept(plain, second);
        HttpCalls.Answer asked = http.post(ASSIGNMENTS + "/" + waiting + "/extensions", TestTokens.unit("a", first),
                "{\"days\":10,\"reason\":\"需协调多部门\"}");
        assertThat(asked.status()).isEqualTo(200);
        String extensionId = asked.body().path("extensions").get(0).path("id").asString();

        // when
        List<String> ofMatter = ids("caseId=" + caseId, SUPERVISOR);
        List<String> pending = ids("caseId=" + caseId + "&pendingExtension=true", SUPERVISOR);
        List<String> notPending = ids("caseId=" + caseId + "&pendingExtension=false", TestTokens.leader("l"));
        List<String> pendingOfSecondUnit = ids("caseId=" + caseId + "&pendingExtension=true&unitId=" + second,
                SUPERVISOR);
        List<String> pendingAccepted = ids("caseId=" + caseId + "&pendingExtension=true&status=ACCEPTED", SUPERVISOR);
        List<String> pendingAssigned = ids("caseId=" + caseId + "&pendingExtension=true&status=ASSIGNED", SUPERVISOR);
        assertThat(http.post(ASSIGNMENTS + "/" + waiting + "/extensions/" + extensionId + "/decision", SUPERVISOR,
                "{\"approved\":true}").status()).isEqualTo(200);
        List<String> pendingAfterDecision = ids("caseId=" + caseId + "&pendingExtension=true", SUPERVISOR);
        List<String> notPendingAfterDecision = ids("caseId=" + caseId + "&pendingExtension=false", SUPERVISOR);

        // then
        assertThat(ofMatter).containsExactlyInAnyOrder(waiting, plain);
        assertThat(pending).containsExactly(waiting);
        assertThat(notPending).containsExactly(plain);
        assertThat(pendingOfSecondUnit).isEmpty();
        assertThat(pendingAccepted).containsExactly(waiting);
        assertThat(pendingAssigned).isEmpty();
        assertThat(pendingAfterDecision).isEmpty();
        assertThat(notPendingAfterDecision).containsExactlyInAnyOrder(waiting, plain);
    }

    @Test
    void aUnitFindsOnlyItsOwnAssignmentsOfAMatterWhateverUnitItAsksFor() {
        // given
        String own = registerUnit();
        String other = registerUnit();
        String caseId = registerCase("物业收费争议");
        String mine = issue(own, caseId);
        issue(other, caseId);
        String unit = TestTokens.unit("li.na", own);

        // when
        HttpCalls.Answer byMatter = list("caseId=" + caseId, unit);
        HttpCalls.Answer askingForOther = list("caseId=" + caseId + "&unitId=" + other, unit);

        // then
        assertThat(itemIds(byMatter)).containsExactly(mine);
        assertThat(byMatter.body().path("page").path("totalElements").asLong()).isEqualTo(1);
        assertThat(itemIds(askingForOther)).containsExactly(mine);
        assertThat(askingForOther.body().path("items").findValuesAsString("unitId")).containsOnly(own);
    }

    @Test
    void everyAnswerAboutAnAssignmentCarriesItsMattersTitle() {
        // given
        String unitId = registerUnit();
        String caseId = registerCase("夜间施工噪音扰民");
        String otherCase = registerCase("拖欠农民工工资");

        // when
        HttpCalls.Answer issued = http.post("/api/v1/cases/" + caseId + "/assignments", SUPERVISOR,
                "{\"unitId\":\"" + unitId + "\",\"kind\":\"ASSIGN\"}");
        String id = issued.text("id");
        issue(unitId, otherCase);
        HttpCalls.Answer accepted = http.post(ASSIGNMENTS + "/" + id + "/accept", TestTokens.unit("a", unitId),
                "{\"noticeSentAt\":\"" + Instant.now() + "\"}");
        HttpCalls.Answer read = http.get(ASSIGNMENTS + "/" + id, TestTokens.leader("l"));
        HttpCalls.Answer listed = list("unitId=" + unitId, SUPERVISOR);
        HttpCalls.Answer listedByUnit = list("", TestTokens.unit("a", unitId));

        // then
        for (HttpCalls.Answer answer : List.of(issued, accepted, read)) {
            assertThat(answer.text("caseTitle")).as(answer.body().toString()).isEqualTo("夜间施工噪音扰民");
        }
        for (HttpCalls.Answer page : List.of(listed, listedByUnit)) {
            assertThat(page.body().path("items").findValuesAsString("caseTitle"))
                    .containsExactlyInAnyOrder("拖欠农民工工资", "夜间施工噪音扰民");
            assertThat(page.body().toString()).doesNotContain("李某");
        }
    }

    @Test
    void aMalformedFilterAnswers400NamingTheField() {
        // when
        HttpCalls.Answer pendingExtension = list("pendingExtension=maybe", SUPERVISOR);
        HttpCalls.Answer caseId = list("caseId=" + "c".repeat(65), SUPERVISOR);

        // then
        assertThat(pendingExtension.status()).isEqualTo(400);
        assertThat(pendingExtension.body().path("errors").findValuesAsString("field")).contains("pendingExtension");
        assertThat(caseId.status()).isEqualTo(400);
        assertThat(caseId.body().path("errors").findValuesAsString("field")).contains("caseId");
    }

    private List<String> ids(String query, String token) {
        HttpCalls.Answer answer = list(query, token);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        return itemIds(answer);
    }

    /** The ids of the page's assignments (not those of their extensions or notes). */
    private static List<String> itemIds(HttpCalls.Answer answer) {
        List<String> ids = new ArrayList<>();
        answer.body().path("items").forEach(item -> ids.add(item.path("id").asString()));
        return ids;
    }

    private HttpCalls.Answer list(String query, String token) {
        return http.get(ASSIGNMENTS + "?size=200" + (query.isEmpty() ? "" : "&" + query), token);
    }

    private void accept(String assignmentId, String unitId) {
        assertThat(http.post(ASSIGNMENTS + "/" + assignmentId + "/accept", TestTokens.unit("a", unitId),
                "{\"noticeSentAt\":\"" + Instant.now() + "\"}").status()).isEqualTo(200);
    }

    private String registerUnit() {
        HttpCalls.Answer answer = http.post("/api/v1/units", SUPERVISOR, "{\"code\":\"A"
                + UUID.randomUUID().toString().substring(0, 8) + "\",\"name\":\"城关街道办事处\",\"kind\":\"SUB_DISTRICT\"}");
        assertThat(answer.status()).isEqualTo(201);
        return answer.text("id");
    }

    private String registerCase(String title) {
        HttpCalls.Answer answer = http.post("/api/v1/cases", SUPERVISOR, "{\"title\":\"" + title + "\","
                + "\"summary\":\"反映的问题\",\"channel\":\"VISIT\",\"origin\":\"SELF\","
                + "\"category\":\"URBAN_RURAL_CONSTRUCTION\",\"petitioner\":{\"name\":\"李某\"}}");
        assertThat(answer.status()).isEqualTo(201);
        return answer.text("id");
    }

    private String issue(String unitId, String caseId) {
        HttpCalls.Answer answer = http.post("/api/v1/cases/" + caseId + "/assignments", SUPERVISOR,
                "{\"unitId\":\"" + unitId + "\",\"kind\":\"ASSIGN\"}");
        assertThat(answer.status()).isEqualTo(201);
        return answer.text("id");
    }
}
