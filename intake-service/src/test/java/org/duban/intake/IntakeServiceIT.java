package org.duban.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.apache.kafka.common.header.Header;
import org.duban.contracts.events.Topics;
import org.duban.platform.testing.TestTokens;
import org.duban.platform.testing.TopicReader;
import org.junit.jupiter.api.Test;

/**
 * intake-service as it runs: real HTTP in, documents in the Mongo-wire store and CloudEvents on a
 * real broker out.
 */
class IntakeServiceIT extends RunningIntake {


    @Test
    void issuesAnAssignmentAndTellsEveryoneThroughOneEventKeyedByTheMatter() {
        // given
        String unitId = registerUnit();
        HttpCalls.Answer registeredCase = http.post("/api/v1/cases", SUPERVISOR, caseJson(false, List.of()));
        String caseId = registeredCase.text("id");

        // when
        HttpCalls.Answer issued = http.post("/api/v1/cases/" + caseId + "/assignments", SUPERVISOR,
                "{\"unitId\":\"" + unitId + "\",\"kind\":\"ASSIGN\",\"instructions\":\"请于期限内办结\"}");

        // then
        assertThat(issued.status()).isEqualTo(201);
        assertThat(issued.text("status")).isEqualTo("ASSIGNED");
        assertThat(Instant.parse(issued.text("acceptanceDueAt"))).isBefore(Instant.parse(issued.text("dueAt")));
        ConsumerRecord<String, byte[]> event = awaitEvent("duban.assignment.issued.v1", issued.text("id"));
        assertThat(event.key()).isEqualTo(caseId);
        assertThat(header(event, "ce_source")).isEqualTo("/duban/intake-service");
        assertThat(header(event, "ce_subject")).isEqualTo(issued.text("id"));
        assertThat(header(event, "content-type")).isEqualTo("application/json");
        assertThat(new String(event.value(), StandardCharsets.UTF_8))
                .contains("\"unitId\":\"" + unitId + "\"", "\"kind\":\"ASSIGN\"", "\"role\":\"SUPERVISOR\"");
    }

    @Test
    void registersAMatterWithAQueryCodeAndKeepsThePetitionerOutOfEventsAndLists() {
        // when
        HttpCalls.Answer registered = http.post("/api/v1/cases", SUPERVISOR, caseJson(false, List.of()));

        // then
        assertThat(registered.status()).isEqualTo(201);
        assertThat(registered.text("queryCode")).matches("[2-9A-HJKMNP-Z]{12}");
        assertThat(registered.body().path("petitioner").path("name").asString()).isEqualTo("李某");
        String caseId = registered.text("id");
        ConsumerRecord<String, byte[]> event = awaitEvent("duban.case.registered.v1", caseId);
        assertThat(new String(event.value(), StandardCharsets.UTF_8)).doesNotContain("李某", "110101199001011234");
        HttpCalls.Answer list = http.get("/api/v1/cases?size=200", SUPERVISOR);
        assertThat(list.body().path("items").toString()).contains(caseId).doesNotContain("李某");
        assertThat(http.get("/api/v1/cases/" + caseId, SUPERVISOR).text("queryCode")).isEmpty();
    }

    @Test
    void theUnitAcceptsItsAssignmentOnceAndASecondAcceptNamesTheState() {
        // given
        String unitId = registerUnit();
        String assignmentId = issueTo(unitId, registerCase(false, List.of()));
        String unitToken = TestTokens.unit("wang.fang", unitId);
        String accept = "{\"noticeSentAt\":\"" + Instant.now() + "\"}";

        // when
        HttpCalls.Answer first = http.post("/api/v1/assignments/" + assignmentId + "/accept", unitToken, accept);
        HttpCalls.Answer second = http.post("/api/v1/assignments/" + assignmentId + "/accept", unitToken, accept);

        // then
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.text("status")).isEqualTo("ACCEPTED");
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.contentType()).startsWith("application/problem+json");
        assertThat(second.text("type")).isEqualTo("urn:duban:problem:state-conflict");
        assertThat(second.text("detail")).contains("ACCEPTED");
        ConsumerRecord<String, byte[]> event = awaitEvent("duban.assignment.accepted.v1", assignmentId);
        assertThat(new String(event.value(), StandardCharsets.UTF_8)).contains("\"withinDeadline\":true");
        assertThat(eventsOfType("duban.assignment.accepted.v1", assignmentId)).hasSize(1);
    }

    @Test
    void anotherUnitGetsNotFoundForEveryAssignmentItDoesNotOwn() {
        // given
        String unitA = registerUnit();
        String unitB = registerUnit();
        String assignmentId = issueTo(unitA, registerCase(false, List.of()));
        String tokenB = TestTokens.unit("li.na", unitB);

        // when
        HttpCalls.Answer read = http.get("/api/v1/assignments/" + assignmentId, tokenB);
        HttpCalls.Answer accept = http.post("/api/v1/assignments/" + assignmentId + "/accept", tokenB,
                "{\"noticeSentAt\":\"" + Instant.now().minusSeconds(5) + "\"}");
        HttpCalls.Answer list = http.get("/api/v1/assignments?unitId=" + unitA, tokenB);

        // then
        assertThat(read.status()).isEqualTo(404);
        assertThat(read.text("type")).isEqualTo("urn:duban:problem:not-found");
        assertThat(accept.status()).isEqualTo(404);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().path("items").toString()).doesNotContain(assignmentId);
        assertThat(http.get("/api/v1/assignments/" + assignmentId, SUPERVISOR).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/assignments/" + assignmentId, TestTokens.unit("a", unitA)).status())
                .isEqualTo(200);
    }

    @Test
    void aWhistleblowingMatterIsNeverSentToAUnitItAccuses() {
        // given
        String accused = registerUnit();
        String caseId = registerCase(true, List.of(accused));

        // when
        HttpCalls.Answer issued = http.post("/api/v1/cases/" + caseId + "/assignments", SUPERVISOR,
                "{\"unitId\":\"" + accused + "\",\"kind\":\"ASSIGN\"}");

        // then
        assertThat(issued.status()).isEqualTo(409);
        assertThat(issued.text("detail")).contains("accuses");
        assertThat(database.getCollection("assignments").countDocuments(new Document("caseId", caseId)))
                .isZero();
    }

    @Test
    void invalidInputIsRefusedWithTheOffendingFieldsAndStoresNothing() {
        // given
        long unitsBefore = database.getCollection("units").countDocuments();

        // when
        HttpCalls.Answer missingFields = http.post("/api/v1/units", SUPERVISOR, "{\"name\":\"\"}");
        HttpCalls.Answer unknownField = http.post("/api/v1/units", SUPERVISOR,
                "{\"code\":\"X1\",\"name\":\"某街道\",\"kind\":\"TOWN\",\"colour\":\"red\"}");
        HttpCalls.Answer badEnum = http.post("/api/v1/units", SUPERVISOR,
                "{\"code\":\"X2\",\"name\":\"某街道\",\"kind\":\"PLANET\"}");
        HttpCalls.Answer notJson = http.post("/api/v1/units", SUPERVISOR, "{");

        // then
        for (HttpCalls.Answer answer : List.of(missingFields, unknownField, badEnum, notJson)) {
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.text("type")).isEqualTo("urn:duban:problem:invalid-request");
        }
        assertThat(missingFields.body().path("errors").toString()).contains("code", "kind");
        assertThat(database.getCollection("units").countDocuments()).isEqualTo(unitsBefore);
    }

    @Test
    void rolesAreCheckedByTheServiceItself() {
        // when
        HttpCalls.Answer byUnit = http.post("/api/v1/units", TestTokens.unit("u", "unit-x"), unitJson("U1"));
        HttpCalls.Answer byLeader = http.post("/api/v1/cases", TestTokens.leader("l"), caseJson(false, List.of()));
        HttpCalls.Answer anonymous = http.get("/api/v1/assignments", null);
        HttpCalls.Answer expired = http.get("/api/v1/assignments", TestTokens.expired("zhang.wei"));

        // then
        assertThat(byUnit.status()).isEqualTo(403);
        assertThat(byUnit.text("type")).isEqualTo("urn:duban:problem:forbidden");
        assertThat(byLeader.status()).isEqualTo(403);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.text("type")).isEqualTo("urn:duban:problem:unauthenticated");
        assertThat(expired.status()).isEqualTo(401);
    }

    @Test
    void aRetriedCallWithTheSameIdempotencyKeyAnswersTheSameAssignmentAndIssuesItOnce() {
        // given
        String unitId = registerUnit();
        String caseId = registerCase(false, List.of());
        String body = "{\"unitId\":\"" + unitId + "\",\"kind\":\"TRANSFER\"}";
        Map<String, String> key = Map.of("Idempotency-Key", "retry-" + UUID.randomUUID());

        // when
        HttpCalls.Answer first = http.post("/api/v1/cases/" + caseId + "/assignments", SUPERVISOR, body, key);
        HttpCalls.Answer retry = http.post("/api/v1/cases/" + caseId + "/assignments", SUPERVISOR, body, key);
        HttpCalls.Answer otherBody = http.post("/api/v1/cases/" + caseId + "/assignments", SUPERVISOR,
                "{\"unitId\":\"" + unitId + "\",\"kind\":\"ASSIGN\"}", key);

        // then
        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.text("id")).isEqualTo(first.text("id"));
        assertThat(otherBody.status()).isEqualTo(409);
        assertThat(database.getCollection("assignments").countDocuments(new Document("caseId", caseId)))
                .isEqualTo(1);
        awaitEvent("duban.assignment.issued.v1", first.text("id"));
        assertThat(eventsOfType("duban.assignment.issued.v1", first.text("id"))).hasSize(1);
    }

    @Test
    void aUnitCodeIsRegisteredOnlyOnce() {
        // given
        String code = "C" + UUID.randomUUID().toString().substring(0, 8);
        http.post("/api/v1/units", SUPERVISOR, unitJson(code));

        // when
        HttpCalls.Answer again = http.post("/api/v1/units", SUPERVISOR, unitJson(code));

        // then
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("detail")).contains(code);
    }

    @Test
    void reportsItselfHealthyAndReadyIncludingItsStoreOnTheManagementPortOnly() {
        // given
        HttpCalls management = new HttpCalls(managementPort);

        // when
        HttpCalls.Answer health = management.get("/actuator/health", null);
        HttpCalls.Answer readiness = management.get("/actuator/health/readiness", null);
        HttpCalls.Answer liveness = management.get("/actuator/health/liveness", null);

        // then
        assertThat(health.text("status")).isEqualTo("UP");
        assertThat(readiness.text("status")).isEqualTo("UP");
        assertThat(liveness.text("status")).isEqualTo("UP");
        assertThat(management.get("/actuator/prometheus", null).status()).isEqualTo(200);
        assertThat(management.get("/api/v1/units", SUPERVISOR).status()).as("no API on the management port")
                .isEqualTo(404);
        for (String path : List.of("/actuator/health", "/actuator/prometheus", "/actuator/info")) {
            HttpCalls.Answer onTheApiPort = http.get(path, null);
            assertThat(onTheApiPort.status()).as(path).isEqualTo(404);
            assertThat(onTheApiPort.contentType()).as(path).startsWith("application/problem+json");
        }
    }

    @Test
    void tellsItsBuildAndCommitOnTheManagementPort() {
        // when
        HttpCalls.Answer info = new HttpCalls(managementPort).get("/actuator/info", null);

        // then: build-info and git.properties, which the build writes (README "Build")
        assertThat(info.status()).isEqualTo(200);
        assertThat(info.body().path("build").path("artifact").asString()).isEqualTo("intake-service");
        assertThat(info.body().path("build").path("version").asString()).isNotBlank();
        assertThat(info.body().path("git").path("commit").path("id").asString()).matches("[0-9a-f]{7,40}");
    }

    @Test
    void servesTheSbomTheBuildPutInTheJarOnTheManagementPort() {
        // given: cyclonedx-maven-plugin runs only in an online build (Maven -o skips it with a warning)
        assumeTrue(getClass().getResource("/META-INF/sbom/application.cdx.json") != null,
                "no SBOM: this build ran offline");

        // when
        HttpCalls.Answer sbom = new HttpCalls(managementPort).get("/actuator/sbom/application", null);

        // then
        assertThat(sbom.status()).isEqualTo(200);
        assertThat(sbom.body().path("bomFormat").asString()).isEqualTo("CycloneDX");
        assertThat(sbom.body().path("metadata").path("component").path("name").asString())
                .isEqualTo("intake-service");
    }

    private String registerUnit() {
        HttpCalls.Answer answer = http.post("/api/v1/units", SUPERVISOR,
                unitJson("U" + UUID.randomUUID().toString().substring(0, 8)));
        assertThat(answer.status()).isEqualTo(201);
        return answer.text("id");
    }

    private String registerCase(boolean whistleblowing, List<String> accused) {
        HttpCalls.Answer answer = http.post("/api/v1/cases", SUPERVISOR, caseJson(whistleblowing, accused));
        assertThat(answer.status()).isEqualTo(201);
        return answer.text("id");
    }

    private String issueTo(String unitId, String caseId) {
        HttpCalls.Answer answer = http.post("/api/v1/cases/" + caseId + "/assignments", SUPERVISOR,
                "{\"unitId\":\"" + unitId + "\",\"kind\":\"ASSIGN\"}");
        assertThat(answer.status()).isEqualTo(201);
        return answer.text("id");
    }

    private static String unitJson(String code) {
        return "{\"code\":\"" + code + "\",\"name\":\"城关街道办事处\",\"kind\":\"SUB_DISTRICT\","
                + "\"contacts\":[{\"name\":\"王芳\",\"role\":\"信访专干\",\"phone\":\"0571-88000000\","
                + "\"email\":\"wangfang@example.org\"}]}";
    }

    private static String caseJson(boolean whistleblowing, List<String> accused) {
        String accusedJson = accused.isEmpty() ? "[]" : "[\"" + String.join("\",\"", accused) + "\"]";
        return "{\"title\":\"小区加装电梯纠纷\",\"summary\":\"反映小区加装电梯协调不力\",\"channel\":\"VISIT\","
                + "\"origin\":\"SELF\",\"category\":\"URBAN_RURAL_CONSTRUCTION\","
                + "\"petitioner\":{\"name\":\"李某\",\"idNumber\":\"110101199001011234\"},"
                + "\"prominent\":true,\"whistleblowing\":" + whistleblowing + ",\"accusedUnitIds\":" + accusedJson + "}";
    }

    private ConsumerRecord<String, byte[]> awaitEvent(String type, String containing) {
        await().atMost(Duration.ofSeconds(15)).until(() -> !eventsOfType(type, containing).isEmpty());
        return eventsOfType(type, containing).get(0);
    }

    private List<ConsumerRecord<String, byte[]>> eventsOfType(String type, String containing) {
        return TopicReader.readAll(bootstrap, Topics.INTAKE).stream()
                .filter(record -> type.equals(header(record, "ce_type")))
                .filter(record -> new String(record.value(), StandardCharsets.UTF_8).contains(containing))
                .toList();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
