package org.duban.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.duban.supervision.deadline.DeadlineFixtures.ACCEPTANCE_DUE;
import static org.duban.supervision.deadline.DeadlineFixtures.ISSUED_AT;
import static org.duban.supervision.deadline.DeadlineFixtures.issuedEvent;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import org.bson.Document;
import org.duban.contracts.events.ReminderIssued;
import org.duban.contracts.events.Topics;
import org.duban.platform.events.EventJson;
import org.duban.platform.testing.TestEvents;
import org.duban.platform.testing.TestTokens;
import org.duban.platform.testing.TopicReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Supervision orders, recommendations and measures over HTTP with real tokens, policy PROPOSE,
 * time moved by a movable clock and sweeps driven by hand.
 */
@TestPropertySource(properties = {
        "duban.supervision.sweep-enabled=false", "duban.supervision.orders.overdue-policy=PROPOSE"})
class AccountabilityIT extends RunningSupervision {

    @BeforeEach
    void backToTheMomentOfIssue() {
        clock.set(ISSUED_AT.plus(Duration.ofDays(1)));
    }

    @Test
    void aSupervisorOpensAnOrderTheUnitRespondsTheResponseIsRejectedAndTheOrderClosed() {
        // given
        String unit = newUnit();
        String assignment = issued(unit);
        String unitToken = TestTokens.unit("li.na", unit);

        // when: opened, twice with the same key
        String body = "{\"assignmentId\":\"" + assignment + "\",\"trigger\":\"DELAYING\",\"form\":\"PHONE\",\"note\":\"快办\"}";
        HttpResponse<String> opened = post("/api/v1/supervisions", supervisor, body, "key-1");
        HttpResponse<String> again = post("/api/v1/supervisions", supervisor, body, "key-1");

        // then
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        JsonNode order = json(opened);
        String id = order.path("id").asString();
        assertThat(json(again).path("id").asString()).isEqualTo(id);
        assertThat(order.path("status").asString()).isEqualTo("OPEN");
        assertThat(order.path("caseId").asString()).isEqualTo("case-" + assignment);
        assertThat(Instant.parse(order.path("responseDueAt").asString()))
                .isEqualTo(clock.instant().plus(Duration.ofDays(7)));
        assertThat(database.getCollection("supervision_orders").countDocuments(new Document("assignmentId", assignment)))
                .isEqualTo(1);

        // and: the unit sees it, another unit does not
        assertThat(get("/api/v1/supervisions/" + id, unitToken).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/supervisions/" + id, TestTokens.unit("wang", newUnit())).statusCode()).isEqualTo(404);
        assertThat(post("/api/v1/supervisions/" + id + "/response", TestTokens.unit("wang", newUnit()),
                "{\"text\":\"x\"}", null).statusCode()).isEqualTo(404);
        assertThat(items(get("/api/v1/supervisions?unitId=" + unit, unitToken))).hasSize(1);

        // when: the unit responds, the supervisor rejects it, the unit responds again, the supervisor closes
        HttpResponse<String> responded = post("/api/v1/supervisions/" + id + "/response", unitToken,
                "{\"text\":\"已整改\"}", null);
        assertThat(json(responded).path("status").asString()).isEqualTo("RESPONDED");
        HttpResponse<String> twice = post("/api/v1/supervisions/" + id + "/response", unitToken, "{\"text\":\"x\"}", null);
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(json(twice).path("detail").asString()).contains("RESPONDED");
        HttpResponse<String> reopened = post("/api/v1/supervisions/" + id + "/reopen", supervisor,
                "{\"reason\":\"不充分\"}", null);
        assertThat(json(reopened).path("status").asString()).isEqualTo("OPEN");
        assertThat(json(reopened).path("reopenCount").asInt()).isEqualTo(1);
        post("/api/v1/supervisions/" + id + "/response", unitToken, "{\"text\":\"再次整改\"}", null);
        HttpResponse<String> closed = post("/api/v1/supervisions/" + id + "/close", supervisor, "{\"note\":\"ok\"}", null);

        // then
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
        assertThat(json(closed).path("status").asString()).isEqualTo("CLOSED");
        assertThat(json(closed).path("response").asString()).isEqualTo("再次整改");
        HttpResponse<String> closeAgain = post("/api/v1/supervisions/" + id + "/close", supervisor, "{}", null);
        assertThat(closeAgain.statusCode()).isEqualTo(409);
        assertThat(json(closeAgain).path("detail").asString()).contains("CLOSED");
    }

    @Test
    void badOrdersAreRefusedWithTheFieldsNamedAndNothingStored() {
        // given
        String unit = newUnit();
        String assignment = issued(unit);
        long before = database.getCollection("supervision_orders").countDocuments();

        // when
        HttpResponse<String> missing = post("/api/v1/supervisions", supervisor,
                "{\"assignmentId\":\"" + assignment + "\",\"form\":\"PHONE\"}", null);
        HttpResponse<String> past = post("/api/v1/supervisions", supervisor, "{\"assignmentId\":\"" + assignment
                + "\",\"trigger\":\"OTHER\",\"form\":\"PHONE\",\"responseDueAt\":\"2020-01-01T00:00:00Z\"}", null);
        HttpResponse<String> unknown = post("/api/v1/supervisions", supervisor,
                "{\"assignmentId\":\"nope\",\"trigger\":\"OTHER\",\"form\":\"PHONE\"}", null);
        HttpResponse<String> byUnit = post("/api/v1/supervisions", TestTokens.unit("li", unit),
                "{\"assignmentId\":\"" + assignment + "\",\"trigger\":\"OTHER\",\"form\":\"PHONE\"}", null);

        // then
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(missing.body()).contains("trigger");
        assertThat(past.statusCode()).isEqualTo(400);
        assertThat(json(past).path("errors").get(0).path("field").asString()).isEqualTo("responseDueAt");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json(unknown).path("errors").get(0).path("field").asString()).isEqualTo("assignmentId");
        assertThat(byUnit.statusCode()).isEqualTo(403);
        assertThat(database.getCollection("supervision_orders").countDocuments()).isEqualTo(before);
    }

    @Test
    void anOverdueAssignmentUnderPolicyProposeGetsAProposalThatTheSupervisorConfirms() {
        // given
        String unit = newUnit();
        String assignment = issued(unit);

        // when
        clock.set(ACCEPTANCE_DUE.plusSeconds(1));
        sweep.sweep();
        sweep.sweep();

        // then
        List<JsonNode> proposals = items(get("/api/v1/supervisions?status=PROPOSED&assignmentId=" + assignment,
                supervisor));
        assertThat(proposals).hasSize(1);
        String id = proposals.get(0).path("id").asString();
        assertThat(proposals.get(0).path("automatic").asBoolean()).isTrue();
        String unitToken = TestTokens.unit("li.na", unit);
        assertThat(get("/api/v1/supervisions/" + id, unitToken).statusCode()).isEqualTo(404);
        assertThat(items(get("/api/v1/supervisions", unitToken))).isEmpty();

        // when
        HttpResponse<String> confirmed = post("/api/v1/supervisions/" + id + "/confirm", supervisor,
                "{\"form\":\"ON_SITE\"}", null);

        // then
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        assertThat(json(confirmed).path("status").asString()).isEqualTo("OPEN");
        assertThat(json(confirmed).path("form").asString()).isEqualTo("ON_SITE");
        assertThat(post("/api/v1/supervisions/" + id + "/dismiss", supervisor, "{}", null).statusCode())
                .isEqualTo(409);
        assertThat(get("/api/v1/supervisions/" + id, unitToken).statusCode()).isEqualTo(200);
    }

    @Test
    void aRecommendationUnansweredPastItsDeadlineIsFlaggedAndRemindedThenAnswered() {
        // given
        String unit = newUnit();
        String unitToken = TestTokens.unit("li.na", unit);
        HttpResponse<String> issued = post("/api/v1/recommendations", supervisor,
                "{\"kind\":\"IMPROVE_WORK\",\"unitId\":\"" + unit + "\",\"text\":\"改进接访流程\"}", "rec-" + unit);
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        String id = json(issued).path("id").asString();
        assertThat(Instant.parse(json(issued).path("feedbackDueAt").asString()))
                .isEqualTo(clock.instant().plus(Duration.ofDays(30)));
        assertThat(get("/api/v1/recommendations/" + id, TestTokens.unit("x", newUnit())).statusCode()).isEqualTo(404);

        // when: thirty-one days later
        clock.advance(Duration.ofDays(31));
        sweep.sweep();

        // then
        assertThat(json(get("/api/v1/recommendations/" + id, unitToken)).path("overdue").asBoolean()).isTrue();
        assertThat(items(get("/api/v1/recommendations?overdue=true&unitId=" + unit, supervisor))).hasSize(1);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(reminders(id))
                .extracting(ReminderIssued::subjectType, ReminderIssued::colour, ReminderIssued::deadlineKind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("RECOMMENDATION", "RED", "FEEDBACK")));

        // when
        HttpResponse<String> answered = post("/api/v1/recommendations/" + id + "/feedback", unitToken,
                "{\"adopted\":true,\"text\":\"已采纳\"}", null);

        // then
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
        assertThat(json(answered).path("answeredLate").asBoolean()).isTrue();
        assertThat(json(answered).path("overdue").asBoolean()).isFalse();
        assertThat(items(get("/api/v1/recommendations?overdue=true&unitId=" + unit, supervisor))).isEmpty();
        assertThat(post("/api/v1/recommendations/" + id + "/feedback", unitToken,
                "{\"adopted\":false,\"text\":\"x\"}", null).statusCode()).isEqualTo(409);
        HttpResponse<String> outside = post("/api/v1/recommendations", supervisor, "{\"kind\":\"ACCOUNTABILITY\",\"unitId\":\""
                + unit + "\",\"addressee\":\"区纪委监委\",\"text\":\"建议追责\"}", null);
        String outsideId = json(outside).path("id").asString();
        assertThat(get("/api/v1/recommendations/" + outsideId, unitToken).statusCode()).isEqualTo(404);
        assertThat(post("/api/v1/recommendations/" + outsideId + "/feedback", supervisor,
                "{\"adopted\":true,\"text\":\"已立案\"}", null).statusCode()).isEqualTo(200);
        assertThat(post("/api/v1/recommendations/" + id + "/feedback", supervisor,
                "{\"adopted\":true,\"text\":\"x\"}", null).statusCode()).isEqualTo(409);
        HttpResponse<String> noAddressee = post("/api/v1/recommendations", supervisor,
                "{\"kind\":\"IMPROVE_POLICY\",\"text\":\"完善政策\"}", null);
        assertThat(noAddressee.statusCode()).isEqualTo(400);
        assertThat(json(noAddressee).path("errors").get(0).path("field").asString()).isEqualTo("addressee");
    }

    @Test
    void aWrittenSelfReviewIsSubmittedAndAnInterviewRecordedEachOnlyByWhomItConcerns() {
        // given
        String unit = newUnit();
        String unitToken = TestTokens.unit("li.na", unit);
        String other = TestTokens.unit("wang", newUnit());
        Instant due = clock.instant().plus(Duration.ofDays(10));

        // when
        HttpResponse<String> review = post("/api/v1/measures", supervisor, "{\"kind\":\"WRITTEN_SELF_REVIEW\",\"unitId\":\""
                + unit + "\",\"reason\":\"推诿\",\"dueAt\":\"" + due + "\"}", null);
        HttpResponse<String> interview = post("/api/v1/measures", supervisor, "{\"kind\":\"INTERVIEW\",\"unitId\":\""
                + unit + "\",\"reason\":\"多次超期\",\"scheduledAt\":\"" + due + "\"}", null);

        // then
        assertThat(review.statusCode()).as(review.body()).isEqualTo(201);
        assertThat(json(review).path("status").asString()).isEqualTo("AWAITING_SUBMISSION");
        assertThat(json(interview).path("status").asString()).isEqualTo("SCHEDULED");
        String reviewId = json(review).path("id").asString();
        String interviewId = json(interview).path("id").asString();
        assertThat(get("/api/v1/measures/" + reviewId, other).statusCode()).isEqualTo(404);
        assertThat(post("/api/v1/measures/" + reviewId + "/submission", other, "{\"text\":\"x\"}", null).statusCode())
                .isEqualTo(404);
        HttpResponse<String> wrongKind = post("/api/v1/measures/" + interviewId + "/submission", unitToken,
                "{\"text\":\"x\"}", null);
        assertThat(wrongKind.statusCode()).isEqualTo(409);
        assertThat(json(wrongKind).path("detail").asString()).contains("SCHEDULED");

        // when
        HttpResponse<String> submitted = post("/api/v1/measures/" + reviewId + "/submission", unitToken,
                "{\"text\":\"检查如下\"}", null);
        clock.advance(Duration.ofDays(10));
        HttpResponse<String> recorded = post("/api/v1/measures/" + interviewId + "/record", supervisor,
                "{\"heldAt\":\"" + due + "\",\"minutes\":\"约谈记录\"}", null);

        // then
        assertThat(json(submitted).path("status").asString()).isEqualTo("SUBMITTED");
        assertThat(json(submitted).path("submittedLate").asBoolean()).isFalse();
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(200);
        assertThat(json(recorded).path("status").asString()).isEqualTo("HELD");
        assertThat(items(get("/api/v1/measures?unitId=" + unit, unitToken))).hasSize(2);
        assertThat(items(get("/api/v1/measures?unitId=" + unit, other))).isEmpty();
    }

    @Test
    void anInterviewHeldTimeIsJudgedWithTheClockSkewToleranceAndARefusalNamesTheBoundItBroke() {
        // given
        String unit = newUnit();
        HttpResponse<String> interview = post("/api/v1/measures", supervisor, "{\"kind\":\"INTERVIEW\",\"unitId\":\""
                + unit + "\",\"reason\":\"多次超期\",\"scheduledAt\":\"" + clock.instant().plus(Duration.ofDays(1))
                + "\"}", null);
        String id = json(interview).path("id").asString();
        Instant issuedAt = Instant.parse(json(interview).path("issuedAt").asString());

        // when
        HttpResponse<String> before = post("/api/v1/measures/" + id + "/record", supervisor,
                "{\"heldAt\":\"" + issuedAt.minus(Duration.ofHours(1)) + "\",\"minutes\":\"约谈记录\"}", null);
        HttpResponse<String> future = post("/api/v1/measures/" + id + "/record", supervisor,
                "{\"heldAt\":\"" + clock.instant().plus(Duration.ofMinutes(10)) + "\",\"minutes\":\"约谈记录\"}", null);
        HttpResponse<String> typedToTheMinuteOfTheIssue = post("/api/v1/measures/" + id + "/record", supervisor,
                "{\"heldAt\":\"" + issuedAt.truncatedTo(java.time.temporal.ChronoUnit.MINUTES)
                        + "\",\"minutes\":\"约谈记录\"}", null);

        // then
        assertThat(before.statusCode()).isEqualTo(400);
        assertThat(json(before).path("errors").get(0).path("field").asString()).isEqualTo("heldAt");
        assertThat(json(before).path("errors").get(0).path("message").asString())
                .isEqualTo("must not be before the measure was issued ("
                        + issuedAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + ")");
        assertThat(future.statusCode()).isEqualTo(400);
        assertThat(json(future).path("errors").get(0).path("message").asString())
                .isEqualTo("must not be more than 5 minutes in the future");
        assertThat(typedToTheMinuteOfTheIssue.statusCode()).as(typedToTheMinuteOfTheIssue.body()).isEqualTo(200);
        assertThat(json(typedToTheMinuteOfTheIssue).path("status").asString()).isEqualTo("HELD");
    }

    @Test
    void badMeasuresAreRefusedWithTheFieldsNamedAndNothingStored() {
        // given
        String unit = newUnit();
        long before = database.getCollection("measures").countDocuments();
        String later = clock.instant().plus(Duration.ofDays(3)).toString();

        // when
        HttpResponse<String> noDue = post("/api/v1/measures", supervisor,
                "{\"kind\":\"WRITTEN_SELF_REVIEW\",\"unitId\":\"" + unit + "\",\"reason\":\"r\",\"scheduledAt\":\""
                        + later + "\"}", null);
        HttpResponse<String> pastSchedule = post("/api/v1/measures", supervisor,
                "{\"kind\":\"INTERVIEW\",\"unitId\":\"" + unit + "\",\"reason\":\"r\",\"scheduledAt\":\"2020-01-01T00:00:00Z\"}",
                null);
        HttpResponse<String> noReason = post("/api/v1/measures", supervisor,
                "{\"kind\":\"NOTICE\",\"unitId\":\"" + unit + "\"}", null);

        // then
        assertThat(noDue.statusCode()).isEqualTo(400);
        assertThat(fields(noDue)).containsExactlyInAnyOrder("dueAt", "scheduledAt");
        assertThat(pastSchedule.statusCode()).isEqualTo(400);
        assertThat(fields(pastSchedule)).containsExactly("scheduledAt");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("reason");
        assertThat(database.getCollection("measures").countDocuments()).isEqualTo(before);
    }

    @Test
    void theBoardShowsOrdersRecommendationsAndMeasuresByKindColourAndUnit() {
        // given: an order due in 2 days, a recommendation due in 10, a self-review due in 20
        String unit = newUnit();
        String unitToken = TestTokens.unit("li.na", unit);
        String assignment = issued(unit);
        Instant now = clock.instant();
        String order = json(post("/api/v1/supervisions", supervisor, "{\"assignmentId\":\"" + assignment
                + "\",\"trigger\":\"NO_FEEDBACK\",\"form\":\"LETTER\",\"responseDueAt\":\""
                + now.plus(Duration.ofDays(2)) + "\"}", null)).path("id").asString();
        String recommendation = json(post("/api/v1/recommendations", supervisor, "{\"kind\":\"IMPROVE_WORK\",\"unitId\":\""
                + unit + "\",\"text\":\"t\",\"feedbackDueAt\":\"" + now.plus(Duration.ofDays(10)) + "\"}", null))
                .path("id").asString();
        post("/api/v1/recommendations", supervisor, "{\"kind\":\"ACCOUNTABILITY\",\"unitId\":\"" + unit
                + "\",\"addressee\":\"区纪委监委\",\"text\":\"t\"}", null);
        String measure = json(post("/api/v1/measures", supervisor, "{\"kind\":\"RECTIFICATION_ORDER\",\"unitId\":\""
                + unit + "\",\"reason\":\"r\",\"dueAt\":\"" + now.plus(Duration.ofDays(20)) + "\"}", null))
                .path("id").asString();

        // then
        List<JsonNode> orders = items(get("/api/v1/alerts?kind=SUPERVISION_ORDER&unitId=" + unit, supervisor));
        assertThat(orders).singleElement().satisfies(alert -> {
            assertThat(alert.path("subjectId").asString()).isEqualTo(order);
            assertThat(alert.path("kind").asString()).isEqualTo("SUPERVISION_ORDER");
            assertThat(alert.path("deadlineKind").asString()).isEqualTo("RESPONSE");
            assertThat(alert.path("colour").asString()).isEqualTo("YELLOW");
            assertThat(alert.path("assignmentId").asString()).isEqualTo(assignment);
        });
        assertThat(items(get("/api/v1/alerts?kind=RECOMMENDATION&unitId=" + unit, supervisor))).hasSize(2);
        assertThat(items(get("/api/v1/alerts?kind=RECOMMENDATION", unitToken)))
                .extracting(alert -> alert.path("subjectId").asString()).containsExactly(recommendation);
        assertThat(items(get("/api/v1/alerts?kind=MEASURE&colour=GREEN&unitId=" + unit, supervisor)))
                .extracting(alert -> alert.path("deadlineKind").asString()).containsExactly("SUBMISSION");
        assertThat(items(get("/api/v1/alerts?kind=MEASURE&colour=YELLOW&unitId=" + unit, supervisor))).isEmpty();
        assertThat(items(get("/api/v1/alerts?kind=MEASURE", TestTokens.unit("x", newUnit())))).isEmpty();
        assertThat(counts(get("/api/v1/alerts?kind=SUPERVISION_ORDER&colour=GREEN&unitId=" + unit, supervisor)))
                .as("green, yellow, red").containsExactly(0L, 1L, 0L);
        assertThat(counts(get("/api/v1/alerts?kind=RECOMMENDATION&unitId=" + unit, supervisor)))
                .containsExactly(2L, 0L, 0L);
        assertThat(counts(get("/api/v1/alerts?kind=RECOMMENDATION", unitToken)))
                .as("only what is addressed to the unit itself").containsExactly(1L, 0L, 0L);

        // when: the measure's due date is past, the order is answered
        clock.advance(Duration.ofDays(21));
        post("/api/v1/supervisions/" + order + "/response", unitToken, "{\"text\":\"r\"}", null);

        // then
        assertThat(items(get("/api/v1/alerts?kind=MEASURE&colour=RED", unitToken)))
                .extracting(alert -> alert.path("subjectId").asString()).containsExactly(measure);
        assertThat(counts(get("/api/v1/alerts?kind=MEASURE&colour=GREEN", unitToken))).containsExactly(0L, 0L, 1L);
        assertThat(counts(get("/api/v1/alerts?kind=SUPERVISION_ORDER&unitId=" + unit, supervisor)))
                .containsExactly(0L, 0L, 0L);
        assertThat(items(get("/api/v1/alerts?kind=SUPERVISION_ORDER&unitId=" + unit, supervisor))).isEmpty();
        assertThat(items(get("/api/v1/alerts?unitId=" + unit, supervisor)))
                .extracting(alert -> alert.path("kind").asString()).containsExactly("ASSIGNMENT");
    }

    @Test
    void theLadderProposesTheNextStepForAUnitWithItsReasonsAndIssuesNothing() {
        // given: a unit with no record, and one with an open order and an ignored recommendation
        String clean = newUnit();
        String unit = newUnit();
        String assignment = issued(unit);
        String tomorrow = clock.instant().plus(Duration.ofDays(1)).toString();
        post("/api/v1/supervisions", supervisor, "{\"assignmentId\":\"" + assignment
                + "\",\"trigger\":\"DELAYING\",\"form\":\"PHONE\",\"responseDueAt\":\"" + tomorrow + "\"}", null);
        post("/api/v1/recommendations", supervisor, "{\"kind\":\"IMPROVE_WORK\",\"unitId\":\"" + unit
                + "\",\"text\":\"t\",\"feedbackDueAt\":\"" + tomorrow + "\"}", null);
        post("/api/v1/measures", supervisor, "{\"kind\":\"NOTICE\",\"unitId\":\"" + unit + "\",\"reason\":\"r\"}",
                null);
        post("/api/v1/measures", supervisor, "{\"kind\":\"RECTIFICATION_ORDER\",\"unitId\":\"" + unit
                + "\",\"reason\":\"r\",\"dueAt\":\"" + tomorrow + "\"}", null);
        clock.advance(Duration.ofDays(2));
        long measuresBefore = database.getCollection("measures").countDocuments();

        // when
        HttpResponse<String> none = get("/api/v1/supervisions/escalations?unitId=" + clean, supervisor);
        HttpResponse<String> some = get("/api/v1/supervisions/escalations?unitId=" + unit, TestTokens.leader("wang"));

        // then
        assertThat(none.statusCode()).as(none.body()).isEqualTo(200);
        assertThat(json(none).path("proposedStep").isString()).isFalse();
        assertThat(json(none).path("reasons").size()).isZero();
        assertThat(json(some).path("reachedStep").asString()).isEqualTo("NOTICE");
        assertThat(json(some).path("proposedStep").asString()).isEqualTo("WRITTEN_SELF_REVIEW");
        assertThat(StreamSupport.stream(json(some).path("reasons").spliterator(), false)
                .map(reason -> reason.path("code").asString() + "=" + reason.path("count").asInt()))
                .containsExactlyInAnyOrder("OPEN_SUPERVISION_ORDERS=1", "IGNORED_RECOMMENDATIONS=1",
                        "REPEATED_LATENESS=2");
        assertThat(database.getCollection("measures").countDocuments()).isEqualTo(measuresBefore);
        assertThat(get("/api/v1/supervisions/escalations?unitId=" + unit, TestTokens.unit("li", unit)).statusCode())
                .isEqualTo(403);
        assertThat(get("/api/v1/supervisions/escalations", supervisor).statusCode()).isEqualTo(400);
    }

    @Test
    void aPageNumberWhoseOffsetOverflowsIsRefusedNamingPageInEveryList() {
        for (String list : List.of("/api/v1/alerts", "/api/v1/supervisions", "/api/v1/recommendations",
                "/api/v1/measures")) {
            for (String query : List.of("page=2147483647&size=100", "page=99999999", "page=99999999&size=100")) {
                // when
                HttpResponse<String> answer = get(list + "?" + query, supervisor);

                // then
                assertThat(answer.statusCode()).as(list + "?" + query + " → " + answer.body()).isEqualTo(400);
                assertThat(json(answer).path("type").asString()).isEqualTo("urn:duban:problem:invalid-request");
                assertThat(fields(answer)).containsExactly("page");
            }
            // and the last page allowed, at the largest size, is merely empty
            assertThat(items(get(list + "?page=10000000&size=200", supervisor))).isEmpty();
        }
    }

    @Test
    void aBodyOverTheLimitIsRefusedWithAPayloadTooLargeProblemEvenWithoutALength() {
        // given: just over 1 MiB, sent chunked
        byte[] body = ("{\"note\":\"" + "x".repeat(1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);

        // when
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/supervisions")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))),
                supervisor, null);

        // then
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(413);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(json(answer).path("type").asString()).isEqualTo("urn:duban:problem:payload-too-large");
    }

    private List<ReminderIssued> reminders(String subjectId) {
        return TopicReader.readAll(broker.getBrokersAsString(), Topics.SUPERVISION).stream()
                .filter(record -> ReminderIssued.TYPE.equals(header(record, "ce_type")))
                .map(record -> EventJson.read(record.value(), ReminderIssued.class))
                .filter(reminder -> reminder.subjectId().equals(subjectId))
                .toList();
    }

    private String issued(String unit) {
        String assignment = "asg-" + UUID.randomUUID();
        TestEvents.send(broker.getBrokersAsString(), "/duban/intake-service", issuedEvent(assignment, unit));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                database.getCollection("tracked_assignments").countDocuments(new Document("_id", assignment)) == 1);
        return assignment;
    }

    private static List<String> fields(HttpResponse<String> response) {
        return StreamSupport.stream(json(response).path("errors").spliterator(), false)
                .map(error -> error.path("field").asString()).toList();
    }
}
