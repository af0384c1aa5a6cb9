package org.duban.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.duban.supervision.deadline.DeadlineFixtures.ACCEPTANCE_DUE;
import static org.duban.supervision.deadline.DeadlineFixtures.ISSUED_AT;
import static org.duban.supervision.deadline.DeadlineFixtures.RESULT_DUE;
import static org.duban.supervision.deadline.DeadlineFixtures.acceptedEvent;
import static org.duban.supervision.deadline.DeadlineFixtures.approvedEvent;
import static org.duban.supervision.deadline.DeadlineFixtures.cancelledEvent;
import static org.duban.supervision.deadline.DeadlineFixtures.concludedEvent;
import static org.duban.supervision.deadline.DeadlineFixtures.extensionDecidedEvent;
import static org.duban.supervision.deadline.DeadlineFixtures.finalReportEvent;
import static org.duban.supervision.deadline.DeadlineFixtures.issuedEvent;
import static org.duban.supervision.deadline.DeadlineFixtures.objectedEvent;
import static org.duban.supervision.deadline.DeadlineFixtures.objectionDecidedEvent;
import static org.duban.supervision.deadline.DeadlineFixtures.sentBackEvent;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.duban.contracts.events.AssignmentIssued;
import org.duban.contracts.events.Topics;
import org.duban.platform.events.EventJson;
import org.duban.platform.events.PendingEvent;
import org.duban.platform.testing.TestEvents;
import org.duban.platform.testing.TestTokens;
import org.duban.platform.testing.TopicReader;
import org.duban.supervision.reminder.ReminderSweep;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The service as intake and the board's readers meet it: intake's events in over the embedded
 * broker, the board out over HTTP with real tokens, time moved by a movable clock.
 */
class SupervisionServiceIT extends RunningSupervision {

    private static final String INTAKE = "/duban/intake-service";
    private static final String DEAD_LETTERS = "duban.supervision-service.dlt";
    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void backToTheMomentOfIssue() {
        clock.set(ISSUED_AT);
    }

    @Test
    void anIssuedAssignmentTurnsFromGreenToYellowToRedAndFollowsItsResultDeadlineOnceAccepted() {
        // given
        String unit = newUnit();
        String assignment = "asg-" + unit;

        // when
        send(issuedEvent(assignment, unit));

        // then: fifteen days to accept
        JsonNode green = awaitOneAlert(unit);
        assertThat(green.path("assignmentId").asString()).isEqualTo(assignment);
        assertThat(green.path("caseId").asString()).isEqualTo("case-" + assignment);
        assertThat(green.path("assignmentKind").asString()).isEqualTo("ASSIGN");
        assertThat(green.path("deadlineKind").asString()).isEqualTo("ACCEPTANCE");
        assertThat(Instant.parse(green.path("dueAt").asString())).isEqualTo(ACCEPTANCE_DUE);
        assertThat(Instant.parse(green.path("trackedSince").asString())).isEqualTo(ISSUED_AT);
        assertThat(green.path("colour").asString()).isEqualTo("GREEN");
        assertThat(green.path("overdue").asBoolean()).isFalse();
        assertThat(green.path("daysLeft").asInt()).isEqualTo(15);

        // when: three days before the acceptance deadline
        clock.set(ACCEPTANCE_DUE.minus(Duration.ofDays(3)));

        // then
        JsonNode yellow = onlyAlert(unit);
        assertThat(yellow.path("colour").asString()).isEqualTo("YELLOW");
        assertThat(yellow.path("daysLeft").asInt()).isEqualTo(3);

        // when: just past it
        clock.set(ACCEPTANCE_DUE.plusMillis(1));

        // then
        JsonNode red = onlyAlert(unit);
        assertThat(red.path("colour").asString()).isEqualTo("RED");
        assertThat(red.path("overdue").asBoolean()).isTrue();
        assertThat(red.path("daysLeft").asInt()).isEqualTo(-1);
        assertThat(items(get("/api/v1/alerts?colour=RED&unitId=" + unit, supervisor))).hasSize(1);
        assertThat(items(get("/api/v1/alerts?colour=GREEN&unitId=" + unit, supervisor))).isEmpty();

        // when: the unit accepts, late
        send(acceptedEvent(assignment, unit, ACCEPTANCE_DUE.plus(Duration.ofHours(1))));

        // then: the result deadline applies
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(onlyAlert(unit).path("deadlineKind").asString()).isEqualTo("RESULT"));
        JsonNode result = onlyAlert(unit);
        assertThat(Instant.parse(result.path("dueAt").asString())).isEqualTo(RESULT_DUE);
        assertThat(result.path("colour").asString()).isEqualTo("GREEN");
        assertThat(result.path("overdue").asBoolean()).isFalse();
    }

    @Test
    void aUnitSeesOnlyItsOwnAlertsAndAnEmptyPageForAnotherUnits() {
        // given
        String unitA = newUnit();
        String unitB = newUnit();
        send(issuedEvent("asg-" + unitA, unitA), issuedEvent("asg-" + unitB, unitB));
        awaitOneAlert(unitA);
        awaitOneAlert(unitB);
        String tokenOfA = TestTokens.unit("li.na", unitA);

        // when
        HttpResponse<String> own = get("/api/v1/alerts", tokenOfA);
        HttpResponse<String> other = get("/api/v1/alerts?unitId=" + unitB, tokenOfA);
        HttpResponse<String> leader = get("/api/v1/alerts?unitId=" + unitB, TestTokens.leader("wang.fang"));

        // then
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(items(own)).extracting(alert -> alert.path("assignmentId").asString())
                .containsExactly("asg-" + unitA);
        assertThat(other.statusCode()).isEqualTo(200);
        assertThat(items(other)).isEmpty();
        assertThat(json(other).path("page").path("totalElements").asLong()).isZero();
        assertThat(items(leader)).extracting(alert -> alert.path("assignmentId").asString())
                .containsExactly("asg-" + unitB);
    }

    @Test
    void theBoardCountsItsLinesByColourForTheSameKindAndUnitWhateverColourThePageShows() {
        // given: a unit with one green, one yellow and one red acceptance deadline; another unit with one green
        String unit = newUnit();
        String otherUnit = newUnit();
        send(issuedEvent("green-" + unit, unit, ISSUED_AT.plus(Duration.ofDays(10)), RESULT_DUE),
                issuedEvent("yellow-" + unit, unit, ISSUED_AT.plus(Duration.ofDays(2)), RESULT_DUE),
                issuedEvent("red-" + unit, unit, ISSUED_AT.minus(Duration.ofDays(1)), RESULT_DUE),
                issuedEvent("green-" + otherUnit, otherUnit, ISSUED_AT.plus(Duration.ofDays(10)), RESULT_DUE));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(items(get("/api/v1/alerts?unitId=" + unit, supervisor))).hasSize(3));
        awaitOneAlert(otherUnit);
        String unitToken = TestTokens.unit("li.na", unit);

        // when
        HttpResponse<String> all = get("/api/v1/alerts?unitId=" + unit, supervisor);
        HttpResponse<String> yellowPage = get("/api/v1/alerts?colour=YELLOW&unitId=" + unit + "&size=1",
                TestTokens.leader("wang.fang"));
        HttpResponse<String> byUnit = get("/api/v1/alerts?colour=RED", unitToken);
        HttpResponse<String> unitAskingForOther = get("/api/v1/alerts?unitId=" + otherUnit, unitToken);
        HttpResponse<String> measures = get("/api/v1/alerts?kind=MEASURE&unitId=" + unit, supervisor);

        // then
        assertThat(counts(all)).as("green, yellow, red").containsExactly(1L, 1L, 1L);
        assertThat(items(yellowPage)).extracting(alert -> alert.path("assignmentId").asString())
                .containsExactly("yellow-" + unit);
        assertThat(json(yellowPage).path("page").path("totalElements").asLong()).isEqualTo(1);
        assertThat(counts(yellowPage)).containsExactly(1L, 1L, 1L);
        assertThat(items(byUnit)).hasSize(1);
        assertThat(counts(byUnit)).containsExactly(1L, 1L, 1L);
        assertThat(items(unitAskingForOther)).isEmpty();
        assertThat(counts(unitAskingForOther)).containsExactly(0L, 0L, 0L);
        assertThat(counts(measures)).as("another kind's lines").containsExactly(0L, 0L, 0L);

        // when: two days and a moment later the yellow one is overdue too
        clock.set(ISSUED_AT.plus(Duration.ofDays(2)).plusMillis(1));

        // then
        assertThat(counts(get("/api/v1/alerts?colour=GREEN&unitId=" + unit, supervisor))).containsExactly(1L, 0L, 2L);
    }

    @Test
    void anAcceptanceThatArrivesBeforeItsIssueIsKeptAndCompletedByTheIssue() {
        // given
        String unit = newUnit();
        String assignment = "asg-" + unit;
        send(acceptedEvent(assignment, unit, ISSUED_AT.plus(Duration.ofDays(1))));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                database.getCollection("tracked_assignments").find(new Document("_id", assignment)).first() != null);
        assertThat(items(get("/api/v1/alerts?unitId=" + unit, supervisor))).isEmpty();

        // when
        send(issuedEvent(assignment, unit));

        // then
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(onlyAlert(unit).path("deadlineKind").asString()).isEqualTo("RESULT"));
    }

    @Test
    void anApprovedExtensionMovesTheResultDeadlineOnTheBoard() {
        // given: accepted, three days before its result deadline (yellow)
        String unit = newUnit();
        String assignment = "asg-" + unit;
        Instant extendedDue = RESULT_DUE.plus(Duration.ofDays(15));
        send(issuedEvent(assignment, unit), acceptedEvent(assignment, unit, ISSUED_AT.plus(Duration.ofDays(1))));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(onlyAlert(unit).path("deadlineKind").asString()).isEqualTo("RESULT"));
        clock.set(RESULT_DUE.minus(Duration.ofDays(3)));
        assertThat(onlyAlert(unit).path("colour").asString()).isEqualTo("YELLOW");

        // when: a rejected extension, then an approved one of 15 days
        send(extensionDecidedEvent(assignment, unit, 5, false, null, clock.instant()),
                extensionDecidedEvent(assignment, unit, 15, true, extendedDue, clock.instant()));

        // then
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(Instant.parse(onlyAlert(unit).path("dueAt").asString())).isEqualTo(extendedDue));
        JsonNode extended = onlyAlert(unit);
        assertThat(extended.path("deadlineKind").asString()).isEqualTo("RESULT");
        assertThat(extended.path("colour").asString()).isEqualTo("GREEN");
        assertThat(extended.path("daysLeft").asInt()).isEqualTo(18);
        assertThat(items(get("/api/v1/alerts?colour=GREEN&unitId=" + unit, supervisor))).hasSize(1);
        assertThat(items(get("/api/v1/alerts?colour=YELLOW&unitId=" + unit, supervisor))).isEmpty();
    }

    @Test
    void aFinalReportLeavesTheBoardAndASendBackReopensItWithItsNewDeadline() {
        // given
        String unit = newUnit();
        String assignment = "asg-" + unit;
        Instant reportedAt = ISSUED_AT.plus(Duration.ofDays(20));
        Instant newDueAt = RESULT_DUE.plus(Duration.ofDays(10));
        send(issuedEvent(assignment, unit), acceptedEvent(assignment, unit, ISSUED_AT.plus(Duration.ofDays(1))));
        awaitOneAlert(unit);

        // when: the final report, then another assignment of the unit as a marker of progress
        send(finalReportEvent(assignment, unit, "ASSIGN", RESULT_DUE, reportedAt), issuedEvent("marker-" + unit, unit));

        // then: awaiting review, it is not on the board
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(assignmentIds(unit)).containsExactly("marker-" + unit));

        // when: sent back (退回重办) with a new deadline
        send(sentBackEvent(assignment, unit, newDueAt, reportedAt.plus(Duration.ofDays(1))));

        // then
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(assignmentIds(unit)).containsExactlyInAnyOrder(assignment, "marker-" + unit));
        JsonNode reopened = alertOf(unit, assignment);
        assertThat(reopened.path("deadlineKind").asString()).isEqualTo("RESULT");
        assertThat(Instant.parse(reopened.path("dueAt").asString())).isEqualTo(newDueAt);
        assertThat(reopened.path("overdue").asBoolean()).isFalse();
    }

    @Test
    void concludedAndCancelledAssignmentsLeaveTheBoard() {
        // given: an assignment (交办), a transfer (转送) and one to be cancelled, all accepted or issued
        String unit = newUnit();
        String approved = "asg-" + unit;
        String transfer = "trf-" + unit;
        String cancelled = "cnc-" + unit;
        Instant accepted = ISSUED_AT.plus(Duration.ofDays(1));
        Instant later = ISSUED_AT.plus(Duration.ofDays(20));
        send(issuedEvent(approved, unit), acceptedEvent(approved, unit, accepted),
                issuedEvent(transfer, unit), acceptedEvent(transfer, unit, accepted),
                issuedEvent(cancelled, unit));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(assignmentIds(unit)).hasSize(3));

        // when: as intake emits them
        send(finalReportEvent(approved, unit, "ASSIGN", RESULT_DUE, later), approvedEvent(approved, unit, later),
                concludedEvent(approved, unit, "ASSIGN", later),
                finalReportEvent(transfer, unit, "TRANSFER", RESULT_DUE, later),
                concludedEvent(transfer, unit, "TRANSFER", later),
                cancelledEvent(cancelled, unit, "ASSIGNED", later),
                issuedEvent("marker-" + unit, unit));

        // then
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(assignmentIds(unit)).containsExactly("marker-" + unit));
        clock.set(RESULT_DUE.plus(Duration.ofDays(30)));
        for (String colour : List.of("RED", "YELLOW", "GREEN")) {
            assertThat(items(get("/api/v1/alerts?colour=" + colour + "&unitId=" + unit, supervisor)))
                    .extracting(alert -> alert.path("assignmentId").asString())
                    .as(colour).isSubsetOf("marker-" + unit);
        }
        Document stored = database.getCollection("tracked_assignments").find(new Document("_id", approved)).first();
        assertThat(stored.getString("status")).isEqualTo("CONCLUDED");
        assertThat(stored).doesNotContainKey("nextDeadlineAt");
    }

    @Test
    void anUpheldObjectionTakesTheAssignmentOffTheBoardAndTheNewOneTakesItsPlace() {
        // given
        String unitA = newUnit();
        String unitB = newUnit();
        String old = "asg-" + unitA;
        String reassigned = "asg-" + unitB;
        send(issuedEvent(old, unitA), objectedEvent(old, unitA, ISSUED_AT.plus(Duration.ofDays(2))));
        await().atMost(Duration.ofSeconds(20)).until(() -> "OBJECTED".equals(statusOf(old)));
        assertThat(onlyAlert(unitA).path("deadlineKind").asString()).isEqualTo("ACCEPTANCE");

        // when: as intake emits it, the decision on the old assignment and the issue of the new one
        send(objectionDecidedEvent(old, unitA, true, reassigned, ISSUED_AT.plus(Duration.ofDays(3))),
                issuedEvent(reassigned, unitB));

        // then
        JsonNode taken = awaitOneAlert(unitB);
        assertThat(taken.path("assignmentId").asString()).isEqualTo(reassigned);
        assertThat(items(get("/api/v1/alerts?unitId=" + unitA, supervisor))).isEmpty();
        assertThat(statusOf(old)).isEqualTo("CANCELLED");
    }

    @Test
    void anObjectedAssignmentPastItsAcceptanceDeadlineIsRedAndOverdueUntilTheRejectionLeavesItAssigned() {
        // given
        String unit = newUnit();
        String assignment = "asg-" + unit;
        send(issuedEvent(assignment, unit), objectedEvent(assignment, unit, ISSUED_AT.plus(Duration.ofDays(2))));
        await().atMost(Duration.ofSeconds(20)).until(() -> "OBJECTED".equals(statusOf(assignment)));

        // when: the objection is still undecided past the acceptance deadline
        clock.set(ACCEPTANCE_DUE.plusMillis(1));

        // then
        JsonNode red = onlyAlert(unit);
        assertThat(red.path("deadlineKind").asString()).isEqualTo("ACCEPTANCE");
        assertThat(Instant.parse(red.path("dueAt").asString())).isEqualTo(ACCEPTANCE_DUE);
        assertThat(red.path("colour").asString()).isEqualTo("RED");
        assertThat(red.path("overdue").asBoolean()).isTrue();
        assertThat(items(get("/api/v1/alerts?colour=RED&unitId=" + unit, supervisor))).hasSize(1);

        // when: the objection is rejected
        send(objectionDecidedEvent(assignment, unit, false, null, ACCEPTANCE_DUE.plus(Duration.ofHours(1))));

        // then: ASSIGNED again, still held to the same (now passed) acceptance deadline
        await().atMost(Duration.ofSeconds(20)).until(() -> "ASSIGNED".equals(statusOf(assignment)));
        assertThat(onlyAlert(unit).path("colour").asString()).isEqualTo("RED");
    }

    @Test
    void aDuplicatedEventHasOneEffect() {
        // given
        String unit = newUnit();
        List<PendingEvent> issued = TestEvents.send(bootstrap(), INTAKE, issuedEvent("asg-" + unit, unit));

        // when: the same CloudEvent again, then a later event of the same unit
        TestEvents.resend(bootstrap(), INTAKE, issued);
        send(issuedEvent("later-" + unit, unit));

        // then: once the later one is on the board, the duplicate has been handled too
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(items(get("/api/v1/alerts?unitId=" + unit, supervisor))).hasSize(2));
        assertThat(items(get("/api/v1/alerts?unitId=" + unit, supervisor)))
                .extracting(alert -> alert.path("assignmentId").asString())
                .containsExactlyInAnyOrder("asg-" + unit, "later-" + unit);
        Document stored = database.getCollection("tracked_assignments").find(new Document("_id", "asg-" + unit)).first();
        assertThat(stored.getLong("version")).isZero();
    }

    @Test
    void malformedEventsGoToTheDeadLetterTopicAndTheNextEventIsStillProcessed() {
        // given: a payload that is not JSON, and one that is JSON but has no deadlines
        String unit = newUnit();
        PendingEvent notJson = rawIssue("bad-" + unit, "{\"assignmentId\": ");
        PendingEvent noDeadlines = rawIssue("bad2-" + unit,
                EventJson.write(issuedEvent("bad2-" + unit, unit, null, null)));
        TestEvents.resend(bootstrap(), INTAKE, List.of(notJson, noDeadlines));

        // when
        send(issuedEvent("good-" + unit, unit));

        // then
        JsonNode alert = awaitOneAlert(unit);
        assertThat(alert.path("assignmentId").asString()).isEqualTo("good-" + unit);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(TopicReader.readAll(bootstrap(), DEAD_LETTERS))
                        .extracting(record -> header(record, "ce_id"))
                        .contains(notJson.id(), noDeadlines.id()));
    }

    @Test
    void aDeadlineMovedForAnAssignmentWhoseIssueWasNotSeenGoesToTheDeadLetterTopicAtOnce() {
        // given: an approved extension of an assignment never issued here
        String unit = newUnit();
        List<PendingEvent> orphan = TestEvents.send(bootstrap(), INTAKE, extensionDecidedEvent("orphan-" + unit, unit,
                10, true, RESULT_DUE.plus(Duration.ofDays(10)), ISSUED_AT.plus(Duration.ofDays(5))));

        // when
        send(issuedEvent("good-" + unit, unit));

        // then: parked without retries, the next event processed, nothing stored for the orphan
        JsonNode alert = awaitOneAlert(unit);
        assertThat(alert.path("assignmentId").asString()).isEqualTo("good-" + unit);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(TopicReader.readAll(bootstrap(), DEAD_LETTERS))
                        .extracting(record -> header(record, "ce_id"))
                        .contains(orphan.get(0).id()));
        assertThat(statusOf("orphan-" + unit)).isNull();
    }

    @Test
    void exposesTheOverdueAssignmentsGaugeTheOpsDashboardReads() {
        // when
        HttpResponse<String> metrics = getFrom(managementPort, "/actuator/prometheus", null);

        // then
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("duban_supervision_assignments_overdue");
    }

    @Test
    void answers401WithAProblemWithoutAToken() {
        // when
        HttpResponse<String> response = get("/api/v1/alerts", null);

        // then
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(json(response).path("type").asString()).isEqualTo("urn:duban:problem:unauthenticated");
    }

    @Test
    void answers400WithAProblemForAnUnknownColourOrPageSize() {
        // when
        HttpResponse<String> colour = get("/api/v1/alerts?colour=PURPLE", supervisor);
        HttpResponse<String> size = get("/api/v1/alerts?size=0", supervisor);

        // then
        assertThat(colour.statusCode()).isEqualTo(400);
        assertThat(colour.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(json(colour).path("type").asString()).isEqualTo("urn:duban:problem:invalid-request");
        assertThat(json(colour).path("errors").get(0).path("field").asString()).isEqualTo("colour");
        assertThat(json(colour).path("requestId").asString()).isNotBlank();
        assertThat(size.statusCode()).isEqualTo(400);
        assertThat(json(size).path("type").asString()).isEqualTo("urn:duban:problem:invalid-request");
        assertThat(json(size).path("errors").get(0).path("field").asString()).isEqualTo("size");
    }

    @Test
    void answers403WithAProblemForATokenWithoutARole() {
        // when
        HttpResponse<String> response = get("/api/v1/alerts",
                TestTokens.sign("someone", List.of(), null, Duration.ofHours(1)));

        // then
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json(response).path("type").asString()).isEqualTo("urn:duban:problem:forbidden");
    }

    @Test
    void aSupervisionOrderWhoseDocumentCannotBeReadIsCountedAsAFailedReminderWhileTheSweepRemindsTheRest() {
        // given: an assignment on the board, and an order document no code can read, due for a reminder
        String unit = newUnit();
        String assignment = "asg-" + unit;
        send(issuedEvent(assignment, unit));
        awaitOneAlert(unit);
        database.getCollection("supervision_orders").insertOne(new Document("_id", "ord-broken-" + unit)
                .append("status", "NO_SUCH_STATUS").append("nextCheckAt", Date.from(ISSUED_AT))
                .append("version", 0L));
        double failedBefore = remindersFailed("SUPERVISION_ORDER");
        clock.set(ACCEPTANCE_DUE.minus(Duration.ofDays(1)));

        // when
        ReminderSweep.Result result = sweep.sweep();

        // then: the assignment is reminded, the broken order counted and left due for the next sweep
        assertThat(result.failed()).isPositive();
        assertThat(remindersFailed("SUPERVISION_ORDER")).isGreaterThanOrEqualTo(failedBefore + 1);
        Document tracked = database.getCollection("tracked_assignments").find(new Document("_id", assignment)).first();
        assertThat(tracked.get("reminded", Document.class).getString("colour")).isEqualTo("YELLOW");
        sweep.sweep();
        assertThat(remindersFailed("SUPERVISION_ORDER")).isGreaterThanOrEqualTo(failedBefore + 2);
        database.getCollection("supervision_orders").deleteOne(new Document("_id", "ord-broken-" + unit));
    }

    private double remindersFailed(String kind) {
        return meters.get("duban.reminders.failed").tag("kind", kind).counter().count();
    }

    private JsonNode awaitOneAlert(String unit) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(items(get("/api/v1/alerts?unitId=" + unit, supervisor))).hasSize(1));
        return onlyAlert(unit);
    }

    private JsonNode onlyAlert(String unit) {
        List<JsonNode> items = items(get("/api/v1/alerts?unitId=" + unit, supervisor));
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    private List<String> assignmentIds(String unit) {
        return items(get("/api/v1/alerts?unitId=" + unit, supervisor)).stream()
                .map(alert -> alert.path("assignmentId").asString()).toList();
    }

    private JsonNode alertOf(String unit, String assignment) {
        return items(get("/api/v1/alerts?unitId=" + unit, supervisor)).stream()
                .filter(alert -> assignment.equals(alert.path("assignmentId").asString()))
                .findFirst().orElseThrow();
    }

    private String statusOf(String assignment) {
        Document stored = database.getCollection("tracked_assignments").find(new Document("_id", assignment)).first();
        return stored == null ? null : stored.getString("status");
    }

    private void send(org.duban.contracts.events.DubanEvent... events) {
        TestEvents.send(bootstrap(), INTAKE, events);
    }

    private static PendingEvent rawIssue(String assignmentId, String data) {
        return new PendingEvent(UUID.randomUUID().toString(), AssignmentIssued.TYPE, Topics.INTAKE,
                "case-" + assignmentId, assignmentId, ISSUED_AT, data);
    }
}
