package org.duban.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.bson.Document;
import org.duban.contracts.events.Topics;
import org.duban.platform.testing.TestTokens;
import org.duban.platform.testing.TopicReader;
import org.junit.jupiter.api.Test;

/**
 * A matter's details over real HTTP: who may read it (SPEC §5: the petitioner only for supervisors and
 * the handling unit) and the fields of issue #3 item 1 (积案, 包案领导, repeat petitions).
 */
class MatterIT extends RunningIntake {

    private static final String CASES = "/api/v1/cases";

    @Test
    void theHandlingUnitReadsItsMatterWithThePetitionerAndEveryOtherUnitGets404LikeAMissingOne() {
        // given
        String handling = registerUnit();
        String accused = registerUnit();
        String other = registerUnit();
        String caseId = registerCase("{\"whistleblowing\":true,\"accusedUnitIds\":[\"" + accused + "\"]}");
        issue(caseId, handling);

        // when
        HttpCalls.Answer byHandling = http.get(CASES + "/" + caseId, TestTokens.unit("li.na", handling));
        HttpCalls.Answer byAccused = http.get(CASES + "/" + caseId, TestTokens.unit("chen.gang", accused));
        HttpCalls.Answer byOther = http.get(CASES + "/" + caseId, TestTokens.unit("wu.min", other));
        HttpCalls.Answer missing = http.get(CASES + "/no-such-case", TestTokens.unit("wu.min", other));

        // then
        assertThat(byHandling.status()).isEqualTo(200);
        assertThat(byHandling.body().path("petitioner").path("name").asString()).isEqualTo("李某");
        for (HttpCalls.Answer hidden : List.of(byAccused, byOther)) {
            assertThat(hidden.status()).isEqualTo(404);
            assertThat(hidden.text("type")).isEqualTo(missing.text("type"));
            assertThat(hidden.text("title")).isEqualTo(missing.text("title"));
            assertThat(hidden.body().toString()).doesNotContain("李某");
        }
        assertThat(http.get(CASES, TestTokens.unit("li.na", handling)).status())
                .as("the list stays for office staff").isEqualTo(403);
    }

    @Test
    void aRegisteredPetitionersNameIdNumberAndPhoneAreStoredOnlyEncrypted() {
        // given
        String petitioner = "{\"name\":\"赵六\",\"idNumber\":\"110101198805061234\",\"phone\":\"13987654321\"}";

        // when
        HttpCalls.Answer registered = http.post(CASES, SUPERVISOR, "{\"title\":\"噪音扰民\",\"summary\":\"夜间施工\","
                + "\"channel\":\"VISIT\",\"origin\":\"SELF\",\"category\":\"OTHER\",\"petitioner\":" + petitioner + "}");

        // then: the answer and a later read carry the petitioner; the stored document holds none of it in the clear
        assertThat(registered.status()).isEqualTo(201);
        String caseId = registered.text("id");
        assertThat(http.get(CASES + "/" + caseId, SUPERVISOR).body().path("petitioner").toString()).isEqualTo(petitioner);
        Document stored = database.getCollection("cases").find(new Document("_id", caseId)).first();
        assertThat(stored.toJson()).doesNotContain("赵六", "110101198805061234", "13987654321");
        assertThat(stored.get("petitioner", Document.class).get("idNumber", Document.class).keySet())
                .containsExactly("kid", "ct");
    }

    @Test
    void aLeaderReadsEveryMatterWithoutThePetitionerAndAMissingOneAnswers404() {
        // given
        String accused = registerUnit();
        String caseId = registerCase("{\"whistleblowing\":true,\"accusedUnitIds\":[\"" + accused + "\"]}");
        String leader = TestTokens.leader("wang.qiang");

        // when
        HttpCalls.Answer read = http.get(CASES + "/" + caseId, leader);
        HttpCalls.Answer missing = http.get(CASES + "/no-such-case", leader);

        // then
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.text("id")).isEqualTo(caseId);
        assertThat(read.text("title")).isEqualTo("小区加装电梯纠纷");
        assertThat(read.body().has("petitioner")).isFalse();
        assertThat(read.body().toString()).doesNotContain("李某");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(http.get(CASES + "/" + caseId, SUPERVISOR).body().path("petitioner").path("name").asString())
                .isEqualTo("李某");
    }

    @Test
    void aUnitWhoseAssignmentWasCancelledNoLongerReadsTheMatter() {
        // given
        String unitId = registerUnit();
        String caseId = registerCase("{}");
        String assignmentId = issue(caseId, unitId);

        // when
        assertThat(http.post("/api/v1/assignments/" + assignmentId + "/cancel", SUPERVISOR,
                "{\"reason\":\"重复交办\"}").status()).isEqualTo(200);

        // then
        assertThat(http.get(CASES + "/" + caseId, TestTokens.unit("li.na", unitId)).status()).isEqualTo(404);
        assertThat(http.get(CASES + "/" + caseId, SUPERVISOR).status()).isEqualTo(200);
    }

    @Test
    void aRepeatPetitionNamesTheEarlierMatterAndTheMatterCarriesBacklogAndLeaderInCharge() {
        // given
        String earlier = registerCase("{}");

        // when
        HttpCalls.Answer registered = http.post(CASES, SUPERVISOR, caseJson("{\"firstTime\":false,\"backlog\":true,"
                + "\"leaderInCharge\":\"王副区长\",\"repeatOfCaseId\":\"" + earlier + "\"}"));

        // then
        assertThat(registered.status()).isEqualTo(201);
        String caseId = registered.text("id");
        HttpCalls.Answer read = http.get(CASES + "/" + caseId, SUPERVISOR);
        for (HttpCalls.Answer answer : List.of(registered, read)) {
            assertThat(answer.body().path("backlog").asBoolean()).isTrue();
            assertThat(answer.text("leaderInCharge")).isEqualTo("王副区长");
            assertThat(answer.text("repeatOfCaseId")).isEqualTo(earlier);
            assertThat(answer.body().path("firstTime").asBoolean()).isFalse();
        }
        assertThat(http.get(CASES + "/" + earlier, SUPERVISOR).body().path("backlog").asBoolean()).isFalse();
        String event = awaitRegistered(caseId);
        assertThat(event).contains("\"backlog\":true", "\"hasLeaderInCharge\":true",
                "\"repeatOfCaseId\":\"" + earlier + "\"").doesNotContain("王副区长", "李某");
    }

    @Test
    void aRepeatOfAnUnknownMatterOrMarkedFirstTimeAndAnOversizeLeaderAnswer400AndStoreNothing() {
        // given
        String earlier = registerCase("{}");
        long before = database.getCollection("cases").countDocuments();

        // when / then
        refused(caseJson("{\"firstTime\":false,\"repeatOfCaseId\":\"no-such-case\"}"), "repeatOfCaseId");
        refused(caseJson("{\"firstTime\":true,\"repeatOfCaseId\":\"" + earlier + "\"}"), "firstTime");
        refused(caseJson("{\"repeatOfCaseId\":\"" + earlier + "\"}"), "firstTime");
        refused(caseJson("{\"leaderInCharge\":\"" + "王".repeat(51) + "\"}"), "leaderInCharge");
        refused(caseJson("{\"backlog\":\"often\"}"), "backlog");
        assertThat(database.getCollection("cases").countDocuments()).isEqualTo(before);
    }

    private void refused(String json, String field) {
        HttpCalls.Answer answer = http.post(CASES, SUPERVISOR, json);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(400);
        assertThat(answer.body().path("errors").findValuesAsString("field")).contains(field);
    }

    /** A valid registering body with {@code extra}'s fields added. */
    private static String caseJson(String extra) {
        String base = "{\"title\":\"小区加装电梯纠纷\",\"summary\":\"反映小区加装电梯协调不力\",\"channel\":\"VISIT\","
                + "\"origin\":\"SELF\",\"category\":\"URBAN_RURAL_CONSTRUCTION\",\"petitioner\":{\"name\":\"李某\"}";
        String fields = extra.substring(1, extra.length() - 1).trim();
        return base + (fields.isEmpty() ? "" : "," + fields) + "}";
    }

    private String registerCase(String extra) {
        HttpCalls.Answer answer = http.post(CASES, SUPERVISOR, caseJson(extra));
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(201);
        return answer.text("id");
    }

    private String registerUnit() {
        HttpCalls.Answer answer = http.post("/api/v1/units", SUPERVISOR, "{\"code\":\"M"
                + UUID.randomUUID().toString().substring(0, 8) + "\",\"name\":\"城关街道办事处\",\"kind\":\"SUB_DISTRICT\"}");
        assertThat(answer.status()).isEqualTo(201);
        return answer.text("id");
    }

    private String issue(String caseId, String unitId) {
        HttpCalls.Answer answer = http.post(CASES + "/" + caseId + "/assignments", SUPERVISOR,
                "{\"unitId\":\"" + unitId + "\",\"kind\":\"ASSIGN\"}");
        assertThat(answer.status()).isEqualTo(201);
        return answer.text("id");
    }

    private String awaitRegistered(String caseId) {
        await().atMost(Duration.ofSeconds(15)).until(() -> registeredEvents(caseId).size() == 1);
        return new String(registeredEvents(caseId).get(0).value(), StandardCharsets.UTF_8);
    }

    private List<ConsumerRecord<String, byte[]>> registeredEvents(String caseId) {
        return TopicReader.readAll(bootstrap, Topics.INTAKE).stream()
                .filter(record -> caseId.equals(record.key()))
                .filter(record -> "duban.case.registered.v1".equals(header(record, "ce_type")))
                .toList();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
