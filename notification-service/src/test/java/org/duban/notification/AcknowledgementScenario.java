package org.duban.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.duban.contracts.events.Actor;
import org.duban.contracts.events.AssignmentIssued;
import org.duban.contracts.events.NotificationAcknowledged;
import org.duban.contracts.events.Topics;
import org.duban.notification.InboxHttp.Answer;
import org.duban.platform.testing.MovableClock;
import org.duban.platform.testing.TestEvents;
import org.duban.platform.testing.TestTokens;
import org.duban.platform.testing.TopicReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service's main story, shared by the embedded-infrastructure IT and the Testcontainers IT: intake
 * issues an assignment to unit-1; unit-1 is told, unit-2 is not; unit-2 cannot acknowledge it; unit-1
 * acknowledges it and exactly one proof of receipt is published, however often it acknowledges.
 */
final class AcknowledgementScenario {

    static final String INTAKE = "/duban/intake-service";
    static final Actor SUPERVISOR = new Actor("zhang.wei", "SUPERVISOR", null);
    static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AcknowledgementScenario() {
    }

    static void run(InboxHttp http, String bootstrap, MovableClock clock) {
        String unit1 = TestTokens.unit("li.na", "unit-1");
        String unit2 = TestTokens.unit("wang.fang", "unit-2");
        Instant issuedAt = Instant.parse("2026-03-02T01:30:00Z");

        // given: intake issued an assignment of case-s1 to unit-1 (deadlines 09:30 Shanghai time)
        AssignmentIssued issued = new AssignmentIssued("asg-s1", "case-s1", "unit-1", "ASSIGN", "REAL_ESTATE", false,
                issuedAt, Instant.parse("2026-03-17T01:30:00Z"), Instant.parse("2026-05-01T01:30:00Z"), SUPERVISOR);
        Instant deliveredAt = clock.instant();
        String eventId = TestEvents.send(bootstrap, INTAKE, issued).get(0).id();

        // then: unit-1's inbox shows it, unread
        Answer inbox = await().atMost(PATIENCE)
                .until(() -> http.get("/api/v1/inbox", unit1), answer -> answer.body().path("items").size() == 1);
        assertThat(inbox.status()).isEqualTo(200);
        assertThat(inbox.body().path("unread").asLong()).isEqualTo(1);
        assertThat(inbox.body().at("/page/totalElements").asLong()).isEqualTo(1);
        JsonNode message = inbox.body().path("items").get(0);
        String messageId = message.path("id").asString();
        assertThat(message.path("unitId").asString()).isEqualTo("unit-1");
        assertThat(message.path("eventType").asString()).isEqualTo(AssignmentIssued.TYPE);
        assertThat(message.path("caseId").asString()).isEqualTo("case-s1");
        assertThat(message.path("assignmentId").asString()).isEqualTo("asg-s1");
        assertThat(message.path("title").asString()).isEqualTo("新交办事项：case-s1");
        assertThat(message.path("body").asString()).contains("交办").contains("2026-03-17 09:30")
                .contains("2026-05-01 09:30");
        assertThat(message.path("read").asBoolean()).isFalse();
        assertThat(Instant.parse(message.path("createdAt").asString())).isEqualTo(deliveredAt);
        assertThat(message.path("acknowledgedAt").isMissingNode() || message.path("acknowledgedAt").isNull()).isTrue();

        // and: unit-2 sees nothing of it, and cannot acknowledge it
        Answer othersInbox = http.get("/api/v1/inbox", unit2);
        assertThat(othersInbox.status()).isEqualTo(200);
        assertThat(othersInbox.body().path("items").size()).isZero();
        assertThat(othersInbox.body().path("unread").asLong()).isZero();
        http.post("/api/v1/inbox/" + messageId + "/ack", unit2).assertProblem(404, "not-found");

        // when: unit-1 acknowledges it an hour later
        clock.advance(Duration.ofHours(1));
        Instant acknowledgedAt = clock.instant();
        Answer ack = http.post("/api/v1/inbox/" + messageId + "/ack", unit1);

        // then: it is read, and exactly one proof of receipt goes out
        assertThat(ack.status()).as("ack answer %s", ack.body()).isEqualTo(200);
        assertThat(ack.body().path("id").asString()).isEqualTo(messageId);
        assertThat(ack.body().path("read").asBoolean()).isTrue();
        assertThat(Instant.parse(ack.body().path("acknowledgedAt").asString())).isEqualTo(acknowledgedAt);
        assertThat(ack.body().path("acknowledgedBy").asString()).isEqualTo("li.na");
        ConsumerRecord<String, byte[]> record = await().atMost(PATIENCE)
                .until(() -> acknowledgementsOf(bootstrap, messageId), records -> records.size() == 1).get(0);
        assertThat(header(record, "ce_type")).isEqualTo(NotificationAcknowledged.TYPE);
        assertThat(header(record, "ce_source")).isEqualTo("/duban/notification-service");
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record, "ce_id")).isNotBlank().isNotEqualTo(eventId);
        assertThat(header(record, "ce_time")).isNotBlank();
        assertThat(header(record, "content-type")).isEqualTo("application/json");
        assertThat(record.key()).isEqualTo("case-s1");
        JsonNode payload = JSON.readTree(record.value());
        assertThat(payload.path("messageId").asString()).isEqualTo(messageId);
        assertThat(payload.path("unitId").asString()).isEqualTo("unit-1");
        assertThat(payload.path("caseId").asString()).isEqualTo("case-s1");
        assertThat(payload.path("sourceEventId").asString()).isEqualTo(eventId);
        assertThat(payload.path("sourceEventType").asString()).isEqualTo(AssignmentIssued.TYPE);
        assertThat(Instant.parse(payload.path("deliveredAt").asString())).isEqualTo(deliveredAt);
        assertThat(Instant.parse(payload.path("acknowledgedAt").asString())).isEqualTo(acknowledgedAt);
        assertThat(payload.at("/actor/subject").asString()).isEqualTo("li.na");
        assertThat(payload.at("/actor/role").asString()).isEqualTo("UNIT");
        assertThat(payload.at("/actor/unitId").asString()).isEqualTo("unit-1");

        // when: unit-1 acknowledges it again, later
        clock.advance(Duration.ofHours(1));
        Answer again = http.post("/api/v1/inbox/" + messageId + "/ack", unit1);

        // then: the same answer, and still one proof of receipt
        assertThat(again.status()).isEqualTo(200);
        assertThat(Instant.parse(again.body().path("acknowledgedAt").asString())).isEqualTo(acknowledgedAt);
        await().during(Duration.ofSeconds(1)).atMost(PATIENCE)
                .until(() -> acknowledgementsOf(bootstrap, messageId).size() == 1);
        Answer afterwards = http.get("/api/v1/inbox?unread=true", unit1);
        assertThat(afterwards.body().path("items").size()).isZero();
        assertThat(afterwards.body().path("unread").asLong()).isZero();
    }

    static List<ConsumerRecord<String, byte[]>> acknowledgementsOf(String bootstrap, String messageId) {
        return TopicReader.readAll(bootstrap, Topics.NOTIFICATION).stream()
                .filter(record -> messageId.equals(header(record, "ce_subject")))
                .toList();
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
