package org.duban.notification;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.duban.notification.AcknowledgementScenario.INTAKE;
import static org.duban.notification.AcknowledgementScenario.PATIENCE;
import static org.duban.notification.AcknowledgementScenario.SUPERVISOR;
import static org.duban.notification.AcknowledgementScenario.acknowledgementsOf;
import static org.duban.notification.AcknowledgementScenario.header;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.duban.contracts.events.Actor;
import org.duban.contracts.events.AssignmentAccepted;
import org.duban.contracts.events.AssignmentIssued;
import org.duban.contracts.events.AssignmentObjected;
import org.duban.contracts.events.ReminderIssued;
import org.duban.contracts.events.Topics;
import org.duban.notification.InboxHttp.Answer;
import org.duban.platform.events.PendingEvent;
import org.duban.platform.testing.MovableClock;
import org.duban.platform.testing.TestEvents;
import org.duban.platform.testing.TestTokens;
import org.duban.platform.testing.TopicReader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * The whole service on an embedded Kafka broker and the Mongo-wire store: events in, inbox over
 * HTTP, acknowledgements out. Each test uses units of its own, so they share one context.
 */
@Import(MovableClockConfiguration.class)
class NotificationServiceIT extends RunningNotification {

    @Autowired
    MovableClock clock;

    @Test
    void assignedUnitIsToldAndItsAcknowledgementIsPublishedOnce() {
        AcknowledgementScenario.run(http, bootstrap, clock);
    }

    @Test
    void listsUnreadMessagesFirstAndOnlyThoseWhenAsked() {
        // given
        String unit = TestTokens.unit("zhao.lei", "unit-order");
        for (int i = 1; i <= 3; i++) {
            TestEvents.send(bootstrap, INTAKE, issued("asg-o" + i, "unit-order"));
            awaitMessages(unit, i);
            clock.advance(Duration.ofMinutes(1));
        }
        String newest = idOfAssignment(unit, "asg-o3");
        assertThat(http.post("/api/v1/inbox/" + newest + "/ack", unit).status()).isEqualTo(200);

        // when
        Answer all = http.get("/api/v1/inbox", unit);
        Answer unread = http.get("/api/v1/inbox?unread=true&page=0&size=1", unit);

        // then
        assertThat(all.body().path("items").valueStream().map(item -> item.path("assignmentId").asString()))
                .containsExactly("asg-o2", "asg-o1", "asg-o3");
        assertThat(all.body().path("unread").asLong()).isEqualTo(2);
        assertThat(unread.body().path("items").valueStream().map(item -> item.path("assignmentId").asString()))
                .containsExactly("asg-o2");
        assertThat(unread.body().at("/page/totalElements").asLong()).isEqualTo(2);
        assertThat(unread.body().at("/page/totalPages").asInt()).isEqualTo(2);
        assertThat(unread.body().at("/page/size").asInt()).isEqualTo(1);
    }

    @Test
    void concurrentAcknowledgementsPublishOneProofOfReceipt() {
        // given
        String unit = TestTokens.unit("sun.li", "unit-race");
        TestEvents.send(bootstrap, INTAKE, issued("asg-r1", "unit-race"));
        awaitMessages(unit, 1);
        String messageId = idOfAssignment(unit, "asg-r1");

        // when
        List<Answer> answers = IntStream.range(0, 4)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> http.post("/api/v1/inbox/" + messageId + "/ack", unit)))
                .toList().stream().map(CompletableFuture::join).toList();

        // then
        assertThat(answers).extracting(Answer::status).containsOnly(200);
        assertThat(answers).extracting(answer -> answer.body().path("acknowledgedAt").asString()).hasSize(4)
                .containsOnly(answers.get(0).body().path("acknowledgedAt").asString());
        await().atMost(PATIENCE).until(() -> acknowledgementsOf(bootstrap, messageId).size() == 1);
        await().during(Duration.ofSeconds(1)).atMost(PATIENCE)
                .until(() -> acknowledgementsOf(bootstrap, messageId).size() == 1);
        assertThat(database.getCollection("inbox_messages").find(eq("_id", messageId)).first().get("version", Number.class)
                .longValue()).isEqualTo(1);
    }

    @Test
    void theSameEventDeliveredTwiceMakesOneMessage() {
        // given
        String unit = TestTokens.unit("zhou.min", "unit-dup");
        List<PendingEvent> sent = TestEvents.send(bootstrap, INTAKE, issued("asg-d1", "unit-dup"));

        // when: the relay publishes it again (same CloudEvent id), then another event follows
        TestEvents.resend(bootstrap, INTAKE, sent);
        TestEvents.send(bootstrap, INTAKE, issued("asg-d2", "unit-dup"));

        // then
        awaitMessages(unit, 2);
        Answer inbox = http.get("/api/v1/inbox", unit);
        assertThat(inbox.body().path("items").valueStream().map(item -> item.path("assignmentId").asString()))
                .containsExactlyInAnyOrder("asg-d1", "asg-d2");
    }

    @Test
    void eventsOfOtherTypesTellNobodyButAreRecordedAsProcessed() {
        // given
        String unit = TestTokens.unit("wu.hao", "unit-other");
        AssignmentAccepted accepted = new AssignmentAccepted("asg-x1", "case-asg-x1", "unit-other", clock.instant(),
                clock.instant(), true, new Actor("wu.hao", "UNIT", "unit-other"));

        // when
        String acceptedId = TestEvents.send(bootstrap, INTAKE, accepted).get(0).id();
        TestEvents.send(bootstrap, INTAKE, issued("asg-x2", "unit-other"));

        // then
        awaitMessages(unit, 1);
        assertThat(http.get("/api/v1/inbox", unit).body().path("items").get(0).path("assignmentId").asString())
                .isEqualTo("asg-x2");
        assertThat(database.getCollection("processed_events").find(eq("_id", "routing:" + acceptedId)).first())
                .isNotNull();
    }

    @Test
    void aMalformedEventGoesToTheDeadLetterTopicAndTheNextOneIsStillHandled() {
        // given
        String unit = TestTokens.unit("qian.yu", "unit-poison");
        PendingEvent malformed = new PendingEvent(UUID.randomUUID().toString(), AssignmentIssued.TYPE, Topics.INTAKE,
                "case-poison", "asg-poison", clock.instant(), "{\"assignmentId\": \"asg-poison\", \"caseId\": ");

        // when
        TestEvents.resend(bootstrap, INTAKE, List.of(malformed));
        TestEvents.send(bootstrap, INTAKE, issued("asg-p2", "unit-poison"));

        // then
        awaitMessages(unit, 1);
        List<ConsumerRecord<String, byte[]>> dead = await().atMost(PATIENCE).until(
                () -> TopicReader.readAll(bootstrap, Topics.deadLetter("notification-service")).stream()
                        .filter(record -> malformed.id().equals(header(record, "ce_id"))).toList(),
                records -> records.size() == 1);
        assertThat(header(dead.get(0), "kafka_dlt-original-topic")).isEqualTo(Topics.INTAKE);
        assertThat(database.getCollection("inbox_messages").countDocuments(eq("assignmentId", "asg-poison"))).isZero();
    }

    @Test
    void leadersMayNotUseTheInbox() {
        // when / then
        http.get("/api/v1/inbox", TestTokens.leader("chen.jie")).assertProblem(403, "forbidden");
        http.post("/api/v1/inbox/any-id/ack", TestTokens.leader("chen.jie")).assertProblem(403, "forbidden");
    }

    @Test
    void aUnitsObjectionReachesTheOfficeInboxThatSupervisorsReadAndAcknowledge() {
        // given
        String supervisor = TestTokens.supervisor("zhang.wei");
        TestEvents.send(bootstrap, INTAKE, new AssignmentObjected("asg-obj1", "case-obj1", "unit-obj", clock.instant(),
                new Actor("li.na", "UNIT", "unit-obj")));
        await().atMost(PATIENCE).until(() -> http.get("/api/v1/inbox", supervisor).body().path("items").valueStream()
                .anyMatch(item -> item.path("assignmentId").asString().equals("asg-obj1")));
        String messageId = idOfAssignment(supervisor, "asg-obj1");

        // when
        Answer ack = http.post("/api/v1/inbox/" + messageId + "/ack", supervisor);

        // then
        assertThat(ack.status()).isEqualTo(200);
        assertThat(ack.body().path("unitId").asString()).isEqualTo("office");
        assertThat(ack.body().path("title").asString()).isEqualTo("责任单位提出异议：asg-obj1");
        assertThat(http.get("/api/v1/inbox", TestTokens.unit("li.na", "unit-obj")).body().path("items").size()).isZero();
    }

    @Test
    void aReminderFromSupervisionReachesTheUnit() {
        // given
        String unit = TestTokens.unit("ma.li", "unit-remind");

        // when
        TestEvents.send(bootstrap, "/duban/supervision-service", new ReminderIssued("rem-1", "ASSIGNMENT", "asg-rem1",
                "ACCEPTANCE", "YELLOW", clock.instant().plus(Duration.ofDays(2)), "case-rem1", "asg-rem1", "unit-remind",
                clock.instant(), Actor.system("supervision-service")));

        // then
        awaitMessages(unit, 1);
        assertThat(http.get("/api/v1/inbox", unit).body().at("/items/0/title").asString())
                .isEqualTo("催办（黄色预警）：交办事项 asg-rem1");
    }

    @Test
    void aCallerWithoutAValidTokenIsNotLetIn() {
        // when / then
        http.get("/api/v1/inbox", null).assertProblem(401, "unauthenticated");
        http.post("/api/v1/inbox/any-id/ack", null).assertProblem(401, "unauthenticated");
        http.get("/api/v1/inbox", TestTokens.expired("zhang.wei")).assertProblem(401, "unauthenticated");
    }

    @Test
    void aBadPageOrSizeIsRefusedNamingTheField() {
        // given
        String unit = TestTokens.unit("li.na", "unit-1");

        // when
        Answer tooBig = http.get("/api/v1/inbox?size=201", unit);
        Answer zero = http.get("/api/v1/inbox?size=0", unit);
        Answer negativePage = http.get("/api/v1/inbox?page=-1", unit);
        Answer notANumber = http.get("/api/v1/inbox?size=many", unit);

        // then
        tooBig.assertProblem(400, "invalid-request");
        zero.assertProblem(400, "invalid-request");
        negativePage.assertProblem(400, "invalid-request");
        notANumber.assertProblem(400, "invalid-request");
        assertThat(tooBig.body().at("/errors/0/field").asString()).isEqualTo("size");
        assertThat(negativePage.body().at("/errors/0/field").asString()).isEqualTo("page");
    }

    @Test
    void aPageNumberWhoseOffsetOverflowsIsRefusedNamingPageInEveryList() {
        // given
        String unit = TestTokens.unit("li.na", "unit-1");

        for (String list : List.of("/api/v1/inbox", "/api/v1/deliveries")) {
            for (String query : List.of("page=2147483647&size=100", "page=99999999", "page=99999999&size=100")) {
                // when
                Answer answer = http.get(list + "?" + query, unit);

                // then
                answer.assertProblem(400, "invalid-request");
                assertThat(answer.body().path("errors").findValuesAsString("field")).as(list + "?" + query)
                        .containsExactly("page");
            }
            // and the last page allowed, at the largest size, is merely empty
            Answer last = http.get(list + "?page=10000000&size=200", unit);
            assertThat(last.status()).as(list + " → " + last.body()).isEqualTo(200);
            assertThat(last.body().path("items").isEmpty()).isTrue();
        }
    }

    @Test
    void aBodyOverTheLimitIsRefusedWithAPayloadTooLargeProblemEvenWithoutALength() {
        // given: just over 1 MiB, sent chunked
        byte[] body = ("{\"url\":\"" + "x".repeat(1024 * 1024 - 7) + "\"}").getBytes(StandardCharsets.UTF_8);

        // when
        Answer answer = http.postChunked("/api/v1/webhooks", TestTokens.unit("li.na", "unit-1"), body);

        // then
        answer.assertProblem(413, "payload-too-large");
    }

    @Test
    void aWebhookOutsideThePublicInternetOrWithoutHttpsIsRefusedAtRegistrationOutsideTheLocalProfile() {
        // given: the service as in production (no local profile)
        String unit = TestTokens.unit("qin.hao", "unit-ssrf");
        List<String> refused = List.of(
                "http://8.8.8.8/hook",                   // plain http
                "https://0.1.2.3/hook",                  // 0.0.0.0/8, not only 0.0.0.0
                "https://198.18.0.1/hook",               // benchmarking 198.18.0.0/15
                "https://198.19.255.254/hook",
                "https://240.0.0.1/hook",                // reserved 240.0.0.0/4
                "https://255.255.255.255/hook",          // broadcast
                "https://[64:ff9b::a9fe:a9fe]/latest",   // NAT64 of the cloud's metadata address
                "https://[64:ff9b::808:808]/hook",       // NAT64 of a public address: refused outright
                "https://[2002:7f00:1::1]/hook",         // 6to4 of loopback
                "https://[::7f00:1]/hook",               // IPv4-compatible loopback
                "https://[2001::1]/hook");               // Teredo

        // when
        Map<String, Answer> answers = new LinkedHashMap<>();
        for (String url : refused) {
            answers.put(url, http.postJson("/api/v1/webhooks", unit, "{\"url\": \"" + url + "\"}"));
        }
        Answer allowed = http.postJson("/api/v1/webhooks", unit, "{\"url\": \"https://8.8.8.8/hook\"}");

        // then: every one refused (all of them reported when some are not)
        assertThat(answers).allSatisfy((url, answer) -> {
            assertThat(answer.status()).as(url + " → " + answer.body()).isEqualTo(400);
            assertThat(answer.body().at("/errors/0/field").asString()).as(url).isEqualTo("url");
        });
        answers.values().forEach(answer -> answer.assertProblem(400, "invalid-request"));
        assertThat(answers.get("http://8.8.8.8/hook").body().at("/errors/0/message").asString()).contains("https");
        assertThat(allowed.status()).as(allowed.body().toString()).isEqualTo(201);
        assertThat(http.get("/api/v1/webhooks", unit).body().path("items")).hasSize(1);
    }

    @Test
    void aMissingMessageAndAnotherUnitsMessageLookTheSame() {
        // given
        String owner = TestTokens.unit("he.jun", "unit-owner");
        String stranger = TestTokens.unit("lin.xi", "unit-stranger");
        TestEvents.send(bootstrap, INTAKE, issued("asg-n1", "unit-owner"));
        awaitMessages(owner, 1);
        String messageId = idOfAssignment(owner, "asg-n1");
        String missingId = UUID.randomUUID().toString();

        // when
        Answer others = http.post("/api/v1/inbox/" + messageId + "/ack", stranger);
        Answer missing = http.post("/api/v1/inbox/" + missingId + "/ack", stranger);

        // then
        others.assertProblem(404, "not-found");
        missing.assertProblem(404, "not-found");
        assertThat(others.body().path("detail").asString().replace(messageId, "?"))
                .isEqualTo(missing.body().path("detail").asString().replace(missingId, "?"));
        assertThat(http.get("/api/v1/inbox", owner).body().path("unread").asLong()).isEqualTo(1);
    }

    private AssignmentIssued issued(String assignmentId, String unitId) {
        Instant at = clock.instant();
        return new AssignmentIssued(assignmentId, "case-" + assignmentId, unitId, "ASSIGN", "OTHER", false, at,
                at.plus(Duration.ofDays(15)), at.plus(Duration.ofDays(60)), SUPERVISOR);
    }

    private void awaitMessages(String unitToken, int count) {
        await().atMost(PATIENCE).until(() -> http.get("/api/v1/inbox", unitToken).body().path("items").size() == count);
    }

    private String idOfAssignment(String unitToken, String assignmentId) {
        return http.get("/api/v1/inbox", unitToken).body().path("items").valueStream()
                .filter(item -> item.path("assignmentId").asString().equals(assignmentId))
                .findFirst().orElseThrow().path("id").asString();
    }
}
