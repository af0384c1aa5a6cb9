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
import org.duban.intake.assignment.Assignment;
import org.duban.intake.assignment.AssignmentKind;
import org.duban.intake.assignment.AssignmentReviews;
import org.duban.intake.assignment.Deadlines;
import org.duban.intake.assignment.mongo.MongoAssignments;
import org.duban.platform.domain.Caller;
import org.duban.platform.events.PendingEvents;
import org.duban.platform.outbox.AggregateWriter;
import org.duban.platform.testing.TestTokens;
import org.duban.platform.testing.TopicReader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An assignment's whole lifecycle over real HTTP (SPEC §3, §7): each call changes the document and
 * announces one event on {@code duban.intake.events}, or is refused and changes nothing.
 */
class AssignmentLifecycleIT extends RunningIntake {

    private static final String ASSIGNMENTS = "/api/v1/assignments/";

    @Autowired
    AggregateWriter writer;

    @Autowired
    PendingEvents events;

    /** Every call this issue adds, with a valid body and the role it needs. */
    private static final List<Call> CALLS = List.of(
            new Call("/objection", "{\"reason\":\"不属本单位职责\"}", true),
            new Call("/objection/decision", "{\"upheld\":false}", false),
            new Call("/progress", "{\"note\":\"已约谈信访人\"}", true),
            new Call("/extensions", "{\"days\":5,\"reason\":\"需协调多部门\"}", true),
            new Call("/extensions/no-such-extension/decision", "{\"approved\":true}", false),
            new Call("/final-report", "{\"outcome\":\"SOLVED\",\"resolved\":true,\"summary\":\"已解决\",\"repliedAt\":\""
                    + Instant.now() + "\"}", true),
            new Call("/review", "{\"decision\":\"APPROVE\"}", false),
            new Call("/cancel", "{\"reason\":\"重复交办\"}", false));

    record Call(String path, String body, boolean byUnit) {
    }

    @Test
    void anAssignmentGoesFromAcceptanceThroughAnExtensionAndReviewToConclusionAnnouncingEachStepOnce() {
        // given
        String unitId = registerUnit();
        String unit = TestTokens.unit("wang.fang", unitId);
        String id = issueTo(unitId, registerCase(List.of()));
        Instant dueAt = Instant.parse(http.get(ASSIGNMENTS + id, SUPERVISOR).text("dueAt"));

        // when
        assertThat(post(id, "/accept", unit, "{\"noticeSentAt\":\"" + Instant.now() + "\"}")
                .status()).isEqualTo(200);
        HttpCalls.Answer progress = post(id, "/progress", unit, "{\"note\":\"已约谈信访人，正协调物业\"}");
        HttpCalls.Answer requested = post(id, "/extensions", unit, "{\"days\":10,\"reason\":\"需协调住建、街道多部门\"}");
        String extensionId = requested.body().path("extensions").get(0).path("id").asString();
        HttpCalls.Answer approved = post(id, "/extensions/" + extensionId + "/decision", SUPERVISOR,
                "{\"approved\":true,\"note\":\"同意延期十日\"}");
        HttpCalls.Answer reported = post(id, "/final-report", unit, "{\"outcome\":\"SOLVED\",\"resolved\":true,"
                + "\"summary\":\"已协调加装电梯，信访人表示认可\",\"repliedAt\":\"" + Instant.now() + "\"}");
        HttpCalls.Answer reviewed = post(id, "/review", SUPERVISOR, "{\"decision\":\"APPROVE\"}");

        // then
        assertThat(progress.status()).isEqualTo(200);
        assertThat(progress.body().path("progress").get(0).path("note").asString()).isEqualTo("已约谈信访人，正协调物业");
        assertThat(requested.status()).isEqualTo(200);
        assertThat(requested.body().path("extensions").get(0).path("status").asString()).isEqualTo("PENDING");
        assertThat(approved.status()).isEqualTo(200);
        assertThat(Instant.parse(approved.text("dueAt"))).isEqualTo(dueAt.plus(Duration.ofDays(10)));
        assertThat(reported.status()).isEqualTo(200);
        assertThat(reported.text("status")).isEqualTo("REPORTED");
        assertThat(reported.body().path("finalReport").path("withinDeadline").asBoolean()).isTrue();
        assertThat(reviewed.status()).isEqualTo(200);
        assertThat(reviewed.text("status")).isEqualTo("CONCLUDED");
        for (String type : List.of("accepted", "progress-reported", "extension-requested", "extension-decided",
                "final-report-submitted", "reviewed", "concluded")) {
            ConsumerRecord<String, byte[]> event = awaitOnce("duban.assignment." + type + ".v1", id);
            assertThat(event.key()).isEqualTo(registeredCaseOf(id));
            assertThat(body(event)).doesNotContain("信访人", "协调", "同意延期");
        }
        assertThat(body(awaitOnce("duban.assignment.concluded.v1", id)))
                .contains("\"resolved\":true", "\"onTime\":true");
        assertThat(body(awaitOnce("duban.assignment.extension-decided.v1", id)))
                .contains("\"approved\":true", "\"hasNote\":true");
    }

    @Test
    void aSentBackReportReopensTheAssignmentWithTheNewDeadline() {
        // given
        String unitId = registerUnit();
        String unit = TestTokens.unit("wang.fang", unitId);
        String id = reportedAssignment(unitId, unit);
        Instant newDueAt = Instant.now().plus(Duration.ofDays(20)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

        // when
        HttpCalls.Answer sentBack = post(id, "/review", SUPERVISOR,
                "{\"decision\":\"SEND_BACK\",\"reason\":\"答复不到位\",\"newDueAt\":\"" + newDueAt + "\"}");

        // then
        assertThat(sentBack.status()).isEqualTo(200);
        assertThat(sentBack.text("status")).isEqualTo("ACCEPTED");
        assertThat(Instant.parse(sentBack.text("dueAt"))).isEqualTo(newDueAt);
        assertThat(sentBack.body().path("sendBacks").asInt()).isEqualTo(1);
        assertThat(body(awaitOnce("duban.assignment.reviewed.v1", id)))
                .contains("\"decision\":\"SEND_BACK\"", "\"sendBacks\":1").doesNotContain("答复不到位");
        assertThat(post(id, "/progress", unit, "{\"note\":\"重新办理\"}").status()).isEqualTo(200);
    }

    @Test
    void anUpheldObjectionAssignsTheMatterToAnotherUnitAndCancelsTheFirstAssignment() {
        // given
        String unitA = registerUnit();
        String unitB = registerUnit();
        String id = issueTo(unitA, registerCase(List.of()));
        assertThat(post(id, "/objection", TestTokens.unit("a", unitA), "{\"reason\":\"属区住建委职责\"}").status())
                .isEqualTo(200);

        // when
        HttpCalls.Answer decided = post(id, "/objection/decision", SUPERVISOR,
                "{\"upheld\":true,\"reassignToUnitId\":\"" + unitB + "\"}");

        // then
        assertThat(decided.status()).isEqualTo(200);
        assertThat(decided.text("status")).isEqualTo("CANCELLED");
        String reassigned = decided.body().path("objection").path("reassignedAssignmentId").asString();
        HttpCalls.Answer seenByB = http.get(ASSIGNMENTS + reassigned, TestTokens.unit("b", unitB));
        assertThat(seenByB.status()).isEqualTo(200);
        assertThat(seenByB.text("status")).isEqualTo("ASSIGNED");
        assertThat(seenByB.text("unitId")).isEqualTo(unitB);
        assertThat(seenByB.text("caseId")).isEqualTo(registeredCaseOf(id));
        awaitOnce("duban.assignment.objected.v1", id);
        assertThat(body(awaitOnce("duban.assignment.objection-decided.v1", id)))
                .contains("\"upheld\":true", reassigned).doesNotContain("住建委");
        awaitOnce("duban.assignment.issued.v1", reassigned);
    }

    @Test
    void anUpheldObjectionRetriedAfterACrashBetweenItsTwoWritesIssuesTheNewAssignmentOnce() {
        // given: the first attempt stored the new assignment for unit B, then died before cancelling the old
        String unitA = registerUnit();
        String unitB = registerUnit();
        String id = issueTo(unitA, registerCase(List.of()));
        post(id, "/objection", TestTokens.unit("a", unitA), "{\"reason\":\"属区住建委职责\"}");
        storeAsACrashedFirstAttemptWould(AssignmentReviews.reassignmentOf(id), registeredCaseOf(id), unitB);

        // when: the supervisor decides again, once for another unit, once as before
        HttpCalls.Answer elsewhere = post(id, "/objection/decision", SUPERVISOR,
                "{\"upheld\":true,\"reassignToUnitId\":\"" + registerUnit() + "\"}");
        HttpCalls.Answer retried = post(id, "/objection/decision", SUPERVISOR,
                "{\"upheld\":true,\"reassignToUnitId\":\"" + unitB + "\"}");

        // then
        assertThat(elsewhere.status()).isEqualTo(409);
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.text("status")).isEqualTo("CANCELLED");
        assertThat(retried.body().path("objection").path("reassignedAssignmentId").asString())
                .isEqualTo(AssignmentReviews.reassignmentOf(id));
        assertThat(database.getCollection("assignments")
                .countDocuments(new Document("caseId", registeredCaseOf(id)).append("unitId", unitB))).isEqualTo(1);
    }

    @Test
    void anObjectionIsNeverUpheldTowardsAUnitTheMatterAccusesNorTowardsTheSameUnit() {
        // given
        String unitA = registerUnit();
        String accused = registerUnit();
        String id = issueTo(unitA, registerCase(List.of(accused)));
        post(id, "/objection", TestTokens.unit("a", unitA), "{\"reason\":\"不属本单位\"}");
        long version = version(id);

        // when
        HttpCalls.Answer toAccused = post(id, "/objection/decision", SUPERVISOR,
                "{\"upheld\":true,\"reassignToUnitId\":\"" + accused + "\"}");
        HttpCalls.Answer toSame = post(id, "/objection/decision", SUPERVISOR,
                "{\"upheld\":true,\"reassignToUnitId\":\"" + unitA + "\"}");
        HttpCalls.Answer toNobody = post(id, "/objection/decision", SUPERVISOR, "{\"upheld\":true}");

        // then
        assertThat(toAccused.status()).isEqualTo(409);
        assertThat(toAccused.text("detail")).contains("accuses");
        assertThat(toSame.status()).isEqualTo(400);
        assertThat(toNobody.status()).isEqualTo(400);
        assertThat(toNobody.body().path("errors").toString()).contains("reassignToUnitId");
        assertThat(version(id)).isEqualTo(version);
        assertThat(database.getCollection("assignments").countDocuments(new Document("unitId", accused))).isZero();
        assertThat(http.get(ASSIGNMENTS + id, SUPERVISOR).text("status")).isEqualTo("OBJECTED");
    }

    @Test
    void everyNewCallAnswersAnotherUnitAsMissingAndTheWrongRoleAsForbidden() {
        // given
        String owner = registerUnit();
        String id = issueTo(owner, registerCase(List.of()));
        String ownerToken = TestTokens.unit("a", owner);
        String otherUnit = TestTokens.unit("b", registerUnit());
        long version = version(id);

        for (Call call : CALLS) {
            // when
            HttpCalls.Answer wrongRole = post(id, call.path(), call.byUnit() ? SUPERVISOR : ownerToken, call.body());
            HttpCalls.Answer leader = post(id, call.path(), TestTokens.leader("l"), call.body());
            HttpCalls.Answer notTheirs = post(id, call.path(), otherUnit, call.body());
            HttpCalls.Answer missing = post("missing-" + UUID.randomUUID(), call.path(),
                    call.byUnit() ? ownerToken : SUPERVISOR, call.body());

            // then
            assertThat(wrongRole.status()).as("%s with the wrong role", call.path()).isEqualTo(403);
            assertThat(wrongRole.text("type")).isEqualTo("urn:duban:problem:forbidden");
            assertThat(leader.status()).as("%s by a leader", call.path()).isEqualTo(403);
            assertThat(notTheirs.status()).as("%s by another unit", call.path())
                    .isEqualTo(call.byUnit() ? 404 : 403);
            assertThat(missing.status()).as("%s of a missing assignment", call.path()).isEqualTo(404);
            assertThat(missing.text("type")).isEqualTo("urn:duban:problem:not-found");
        }
        assertThat(version(id)).isEqualTo(version);
        assertThat(http.get(ASSIGNMENTS + id, SUPERVISOR).text("status")).isEqualTo("ASSIGNED");
    }

    @Test
    void aCallTheStateForbidsAnswersConflictNamingTheStateAndChangesNothing() {
        // given
        String unitId = registerUnit();
        String unit = TestTokens.unit("a", unitId);
        String id = issueTo(unitId, registerCase(List.of()));
        assertThat(post(id, "/cancel", SUPERVISOR, "{\"reason\":\"重复交办\"}").text("status")).isEqualTo("CANCELLED");
        awaitOnce("duban.assignment.cancelled.v1", id);
        long version = version(id);

        for (Call call : CALLS) {
            // when
            HttpCalls.Answer refused = post(id, call.path(), call.byUnit() ? unit : SUPERVISOR, call.body());

            // then
            assertThat(refused.status()).as(call.path()).isEqualTo(409);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.text("type")).isEqualTo("urn:duban:problem:state-conflict");
            assertThat(refused.text("detail")).contains("CANCELLED");
            assertThat(refused.text("state")).isEqualTo("CANCELLED");
        }
        assertThat(version(id)).isEqualTo(version);
        assertThat(eventsAbout(id)).extracting(record -> header(record, "ce_type"))
                .containsExactly("duban.assignment.issued.v1", "duban.assignment.cancelled.v1");
    }

    @Test
    void aProgressNoteBeforeAcceptanceNamesTheStateAssigned() {
        // given
        String unitId = registerUnit();
        String id = issueTo(unitId, registerCase(List.of()));

        // when
        HttpCalls.Answer refused = post(id, "/progress", TestTokens.unit("a", unitId), "{\"note\":\"进展\"}");

        // then
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("detail")).contains("ASSIGNED");
    }

    @Test
    void malformedBodiesAreRefusedNamingTheFieldsAndStoreNothing() {
        // given
        String unitId = registerUnit();
        String unit = TestTokens.unit("a", unitId);
        String id = issueTo(unitId, registerCase(List.of()));
        post(id, "/accept", unit, "{\"noticeSentAt\":\"" + Instant.now() + "\"}");
        long version = version(id);
        String tooLong = "长".repeat(2001);

        // when / then
        refused(id, "/objection", unit, "{}", "reason");
        refused(id, "/objection", unit, "{\"reason\":\"" + tooLong + "\"}", "reason");
        refused(id, "/objection/decision", SUPERVISOR, "{\"upheld\":\"perhaps\"}", "upheld");
        refused(id, "/objection/decision", SUPERVISOR, "{}", "upheld");
        refused(id, "/progress", unit, "{}", "note");
        refused(id, "/progress", unit, "{\"note\":\"进展\",\"colour\":\"red\"}", "colour");
        refused(id, "/progress", unit, "{\"note\":\"" + tooLong + "\"}", "note");
        refused(id, "/extensions", unit, "{\"days\":31,\"reason\":\"久\"}", "days");
        refused(id, "/extensions", unit, "{\"days\":0,\"reason\":\"久\"}", "days");
        refused(id, "/extensions", unit, "{\"reason\":\"久\"}", "days");
        refused(id, "/extensions/x/decision", SUPERVISOR, "{\"note\":\"好\"}", "approved");
        refused(id, "/extensions/x/decision", SUPERVISOR, "{\"approved\":true,\"note\":\"" + tooLong + "\"}", "note");
        refused(id, "/final-report", unit, "{}", "outcome", "resolved", "summary", "repliedAt");
        refused(id, "/final-report", unit, "{\"outcome\":\"GREAT\",\"resolved\":true,\"summary\":\"好\","
                + "\"repliedAt\":\"" + Instant.now() + "\"}", "outcome");
        refused(id, "/final-report", unit, "{\"outcome\":\"SOLVED\",\"resolved\":true,\"summary\":\"好\","
                + "\"repliedAt\":\"yesterday\"}", "repliedAt");
        refused(id, "/final-report", unit, "{\"outcome\":\"SOLVED\",\"resolved\":true,\"summary\":\""
                + "长".repeat(5001) + "\",\"repliedAt\":\"" + Instant.now() + "\"}", "summary");
        refused(id, "/review", SUPERVISOR, "{\"decision\":\"MAYBE\"}", "decision");
        refused(id, "/review", SUPERVISOR, "{\"decision\":\"SEND_BACK\",\"newDueAt\":\"2024-13-01\"}", "newDueAt");
        refused(id, "/cancel", SUPERVISOR, "{}", "reason");
        refused(id, "/cancel", SUPERVISOR, "{\"reason\":\"\"}", "reason");
        assertThat(version(id)).isEqualTo(version);
        assertThat(http.get(ASSIGNMENTS + id, SUPERVISOR).text("status")).isEqualTo("ACCEPTED");
    }

    @Test
    void anExtensionBeyondThirtyDaysInAllIsRefused() {
        // given
        String unitId = registerUnit();
        String unit = TestTokens.unit("a", unitId);
        String id = issueTo(unitId, registerCase(List.of()));
        post(id, "/accept", unit, "{\"noticeSentAt\":\"" + Instant.now() + "\"}");
        String first = post(id, "/extensions", unit, "{\"days\":20,\"reason\":\"协调\"}")
                .body().path("extensions").get(0).path("id").asString();
        post(id, "/extensions/" + first + "/decision", SUPERVISOR, "{\"approved\":true}");

        // when
        HttpCalls.Answer tooMany = post(id, "/extensions", unit, "{\"days\":11,\"reason\":\"再协调\"}");
        HttpCalls.Answer enough = post(id, "/extensions", unit, "{\"days\":10,\"reason\":\"再协调\"}");

        // then
        assertThat(tooMany.status()).isEqualTo(409);
        assertThat(tooMany.text("detail")).contains("30 days");
        assertThat(enough.status()).isEqualTo(200);
        assertThat(enough.body().path("extensions").size()).isEqualTo(2);
    }

    @Test
    void aRetriedExtensionRequestWithTheSameIdempotencyKeyIsAskedOnceAndAnsweredAlike() {
        // given
        String unitId = registerUnit();
        String unit = TestTokens.unit("a", unitId);
        String id = issueTo(unitId, registerCase(List.of()));
        post(id, "/accept", unit, "{\"noticeSentAt\":\"" + Instant.now() + "\"}");
        Map<String, String> key = Map.of("Idempotency-Key", "ext-" + UUID.randomUUID());
        String request = "{\"days\":7,\"reason\":\"需协调多部门\"}";

        // when
        HttpCalls.Answer first = http.post(ASSIGNMENTS + id + "/extensions", unit, request, key);
        HttpCalls.Answer retry = http.post(ASSIGNMENTS + id + "/extensions", unit, request, key);
        HttpCalls.Answer otherRequest = http.post(ASSIGNMENTS + id + "/extensions", unit,
                "{\"days\":8,\"reason\":\"需协调多部门\"}", key);

        // then
        assertThat(first.status()).isEqualTo(200);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.body().path("extensions").size()).isEqualTo(1);
        assertThat(retry.body().path("extensions").get(0).path("id").asString())
                .isEqualTo(first.body().path("extensions").get(0).path("id").asString());
        assertThat(otherRequest.status()).isEqualTo(409);
        awaitOnce("duban.assignment.extension-requested.v1", id);
    }

    @Test
    void aRetriedProgressReportWithTheSameIdempotencyKeyAddsOneNoteAndAnswersAlike() {
        // given
        String unitId = registerUnit();
        String unit = TestTokens.unit("a", unitId);
        String id = issueTo(unitId, registerCase(List.of()));
        post(id, "/accept", unit, "{\"noticeSentAt\":\"" + Instant.now() + "\"}");
        Map<String, String> key = Map.of("Idempotency-Key", "note-" + UUID.randomUUID());
        String request = "{\"note\":\"已约谈信访人\"}";

        // when
        HttpCalls.Answer first = http.post(ASSIGNMENTS + id + "/progress", unit, request, key);
        HttpCalls.Answer retry = http.post(ASSIGNMENTS + id + "/progress", unit, request, key);
        HttpCalls.Answer otherNote = http.post(ASSIGNMENTS + id + "/progress", unit, "{\"note\":\"已召开协调会\"}",
                key);
        HttpCalls.Answer withoutKey = post(id, "/progress", unit, request);

        // then
        assertThat(first.status()).isEqualTo(200);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.body().path("progress").size()).isEqualTo(1);
        assertThat(retry.body().path("progress").get(0).path("id").asString())
                .isEqualTo(first.body().path("progress").get(0).path("id").asString());
        assertThat(otherNote.status()).isEqualTo(409);
        assertThat(withoutKey.body().path("progress").size()).isEqualTo(2);
    }

    @Test
    void aLeaderReadsAssignmentsWithTheUnitsNotesAndTheMatterButNeverThePetitioner() {
        // given
        String unitId = registerUnit();
        String unit = TestTokens.unit("a", unitId);
        String caseId = registerCase(List.of());
        String id = issueTo(unitId, caseId);
        post(id, "/accept", unit, "{\"noticeSentAt\":\"" + Instant.now() + "\"}");
        post(id, "/progress", unit, "{\"note\":\"已约谈信访人\"}");
        String leader = TestTokens.leader("l");

        // when
        HttpCalls.Answer assignment = http.get(ASSIGNMENTS + id, leader);
        HttpCalls.Answer matter = http.get("/api/v1/cases/" + caseId, leader);

        // then
        assertThat(assignment.status()).isEqualTo(200);
        assertThat(assignment.body().path("progress").get(0).path("note").asString()).isEqualTo("已约谈信访人");
        assertThat(assignment.body().has("petitioner")).isFalse();
        assertThat(assignment.text("caseTitle")).isEqualTo("小区加装电梯纠纷");
        assertThat(matter.status()).isEqualTo(200);
        assertThat(matter.body().has("petitioner")).isFalse();
        assertThat(matter.body().toString()).doesNotContain("李某");
    }

    @Test
    void aTransfersFinalReportConcludesItAtOnce() {
        // given
        String unitId = registerUnit();
        String unit = TestTokens.unit("a", unitId);
        String id = issue(unitId, registerCase(List.of()), "TRANSFER");
        post(id, "/accept", unit, "{\"noticeSentAt\":\"" + Instant.now() + "\"}");

        // when
        HttpCalls.Answer reported = post(id, "/final-report", unit, "{\"outcome\":\"EDUCATED\",\"resolved\":false,"
                + "\"summary\":\"已解释政策\",\"repliedAt\":\"" + Instant.now() + "\"}");

        // then
        assertThat(reported.status()).isEqualTo(200);
        assertThat(reported.text("status")).isEqualTo("CONCLUDED");
        assertThat(body(awaitOnce("duban.assignment.concluded.v1", id))).contains("\"kind\":\"TRANSFER\"",
                "\"resolved\":false");
    }

    private void refused(String id, String path, String token, String body, String... fields) {
        HttpCalls.Answer answer = post(id, path, token, body);
        assertThat(answer.status()).as("%s %s", path, body.length() > 80 ? body.substring(0, 80) : body)
                .isEqualTo(400);
        assertThat(answer.text("type")).isEqualTo("urn:duban:problem:invalid-request");
        assertThat(answer.body().path("errors").toString()).as(path).contains(fields);
    }

    private String reportedAssignment(String unitId, String unit) {
        String id = issueTo(unitId, registerCase(List.of()));
        post(id, "/accept", unit, "{\"noticeSentAt\":\"" + Instant.now() + "\"}");
        HttpCalls.Answer reported = post(id, "/final-report", unit, "{\"outcome\":\"ASSISTED\",\"resolved\":true,"
                + "\"summary\":\"已帮扶\",\"repliedAt\":\"" + Instant.now() + "\"}");
        assertThat(reported.text("status")).isEqualTo("REPORTED");
        return id;
    }

    private void storeAsACrashedFirstAttemptWould(String id, String caseId, String unitId) {
        Instant now = Instant.now();
        // the new assignment with its event, in one write, as the first attempt stored it
        new MongoAssignments(database, writer, events).add(Assignment.issue(id,
                new Assignment.IssuedMatter(caseId, "URBAN_RURAL_CONSTRUCTION", true), unitId, AssignmentKind.ASSIGN,
                new Deadlines(now, now.plus(Duration.ofDays(15)), now.plus(Duration.ofDays(60)),
                        now.plus(Duration.ofDays(7))),
                null, Caller.supervisor("zhang.wei")));
    }

    private HttpCalls.Answer post(String id, String path, String token, String body) {
        return http.post(ASSIGNMENTS + id + path, token, body);
    }

    private long version(String id) {
        return database.getCollection("assignments").find(new Document("_id", id)).first().getLong("version");
    }

    private String registeredCaseOf(String id) {
        return http.get(ASSIGNMENTS + id, SUPERVISOR).text("caseId");
    }

    private String registerUnit() {
        HttpCalls.Answer answer = http.post("/api/v1/units", SUPERVISOR, "{\"code\":\"L"
                + UUID.randomUUID().toString().substring(0, 8) + "\",\"name\":\"城关街道办事处\",\"kind\":\"SUB_DISTRICT\"}");
        assertThat(answer.status()).isEqualTo(201);
        return answer.text("id");
    }

    private String registerCase(List<String> accused) {
        String accusedJson = accused.isEmpty() ? "[]" : "[\"" + String.join("\",\"", accused) + "\"]";
        HttpCalls.Answer answer = http.post("/api/v1/cases", SUPERVISOR, "{\"title\":\"小区加装电梯纠纷\","
                + "\"summary\":\"反映小区加装电梯协调不力\",\"channel\":\"VISIT\",\"origin\":\"SELF\","
                + "\"category\":\"URBAN_RURAL_CONSTRUCTION\",\"petitioner\":{\"name\":\"李某\"},\"prominent\":true,"
                + "\"whistleblowing\":" + !accused.isEmpty() + ",\"accusedUnitIds\":" + accusedJson + "}");
        assertThat(answer.status()).isEqualTo(201);
        return answer.text("id");
    }

    private String issueTo(String unitId, String caseId) {
        return issue(unitId, caseId, "ASSIGN");
    }

    private String issue(String unitId, String caseId, String kind) {
        HttpCalls.Answer answer = http.post("/api/v1/cases/" + caseId + "/assignments", SUPERVISOR,
                "{\"unitId\":\"" + unitId + "\",\"kind\":\"" + kind + "\"}");
        assertThat(answer.status()).isEqualTo(201);
        return answer.text("id");
    }

    /** Waits for the event of {@code type} about {@code assignmentId} and checks there is exactly one. */
    private ConsumerRecord<String, byte[]> awaitOnce(String type, String assignmentId) {
        await().atMost(Duration.ofSeconds(15)).until(() -> eventsAbout(assignmentId).stream()
                .anyMatch(record -> type.equals(header(record, "ce_type"))));
        List<ConsumerRecord<String, byte[]>> found = eventsAbout(assignmentId).stream()
                .filter(record -> type.equals(header(record, "ce_type"))).toList();
        assertThat(found).as("events %s about %s", type, assignmentId).hasSize(1);
        return found.get(0);
    }

    private List<ConsumerRecord<String, byte[]>> eventsAbout(String assignmentId) {
        return TopicReader.readAll(bootstrap, Topics.INTAKE).stream()
                .filter(record -> assignmentId.equals(header(record, "ce_subject")))
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
