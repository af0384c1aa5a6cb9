package org.duban.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.duban.reporting.ReportingCalls.JSON;
import static org.duban.reporting.ReportingCalls.LEADER;
import static org.duban.reporting.ReportingCalls.SUPERVISOR;
import static org.duban.reporting.ReportingCalls.assertRate;
import static org.duban.reporting.projection.ProjectionFixtures.acceptedInTime;
import static org.duban.reporting.projection.ProjectionFixtures.assigned;
import static org.duban.reporting.projection.ProjectionFixtures.officeTime;
import static org.duban.reporting.projection.ProjectionFixtures.transferred;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.duban.contracts.events.Actor;
import org.duban.contracts.events.AssignmentConcluded;
import org.duban.contracts.events.AssignmentIssued;
import org.duban.contracts.events.CaseRegistered;
import org.duban.contracts.events.EvaluationRecorded;
import org.duban.contracts.events.LawyerDutySessionRecorded;
import org.duban.contracts.events.LawyerParticipationRecorded;
import org.duban.contracts.events.SupervisionOrderOpened;
import org.duban.contracts.events.NotificationAcknowledged;
import org.duban.contracts.events.Topics;
import org.duban.platform.events.PendingEvent;
import org.duban.platform.testing.TestEvents;
import org.duban.platform.testing.TestTokens;
import org.duban.platform.testing.TopicReader;
import org.duban.reporting.projection.ProjectionService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The service as intake's events and the office's staff meet it: events in on the embedded broker,
 * figures out over HTTP. Each test counts on days of its own, so the tests share one context.
 */
class ReportingServiceIT extends RunningReporting {

    private static final String INTAKE = "/duban/intake-service";

    @Autowired
    ProjectionService projection;

    @Test
    void countsAssignmentsTransfersAndTimelyAcceptanceOnTheDayOfIssue() {
        // given
        LocalDate day = LocalDate.of(2026, 3, 2);
        AssignmentIssued assignment = assigned("asg-" + UUID.randomUUID(), "unit-1", officeTime(day, 9, 30));
        AssignmentIssued transfer = transferred("trf-" + UUID.randomUUID(), "unit-1", officeTime(day, 10, 0));

        // when: the assignment is accepted in time, three days later
        TestEvents.send(bootstrap(), INTAKE, assignment, transfer, acceptedInTime(assignment, officeTime(day.plusDays(3), 9, 0)));

        // then
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(http.statistics(day, day.plusDays(1)).at("/rates/timelyAcceptance/numerator").asLong()).isEqualTo(1));
        JsonNode figures = http.statistics(day, day.plusDays(1));
        assertThat(figures.get("from").asString()).isEqualTo("2026-03-02");
        assertThat(figures.get("to").asString()).isEqualTo("2026-03-03");
        assertThat(figures.has("unitId")).isFalse();
        assertThat(figures.get("assignmentsIssued").asLong()).isEqualTo(1);
        assertThat(figures.get("transfersIssued").asLong()).isEqualTo(1);
        assertThat(figures.get("supervisionOrdersOpened").asLong()).isZero();
        assertThat(figures.at("/recommendations/IMPROVE_WORK").asLong()).isZero();
        assertThat(figures.at("/recommendations/adopted").asLong()).isZero();
        assertThat(figures.at("/measures/INTERVIEW").asLong()).isZero();
        assertRate(figures.at("/rates/timelyAcceptance"), 1, 1, 100.0);
        for (String rate : List.of("onTimeCompletion", "participation", "satisfaction", "prominentResolution",
                "firstTimeResolution")) {
            assertRate(figures.at("/rates/" + rate), 0, 0, null);
        }
    }

    @Test
    void countsNothingInAPeriodWithoutTheDayOfIssue() {
        // given: issued on 9 March, accepted in time on 11 March
        LocalDate day = LocalDate.of(2026, 3, 9);
        AssignmentIssued assignment = assigned("asg-" + UUID.randomUUID(), "unit-1", officeTime(day, 9, 30));
        TestEvents.send(bootstrap(), INTAKE, assignment, acceptedInTime(assignment, officeTime(day.plusDays(2), 9, 0)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(http.statistics(day, day.plusDays(1)).at("/rates/timelyAcceptance/numerator").asLong()).isEqualTo(1));

        // when: the period starts the day after the issue and holds the acceptance
        JsonNode figures = http.statistics(day.plusDays(1), day.plusDays(5));

        // then
        assertThat(figures.get("assignmentsIssued").asLong()).isZero();
        assertThat(figures.get("transfersIssued").asLong()).isZero();
        assertRate(figures.at("/rates/timelyAcceptance"), 0, 0, null);
    }

    @Test
    void answersForOneUnit() {
        // given
        LocalDate day = LocalDate.of(2026, 3, 16);
        AssignmentIssued first = assigned("asg-" + UUID.randomUUID(), "unit-a", officeTime(day, 9, 0));
        AssignmentIssued second = assigned("asg-" + UUID.randomUUID(), "unit-a", officeTime(day, 11, 0));
        AssignmentIssued other = assigned("asg-" + UUID.randomUUID(), "unit-b", officeTime(day, 10, 0));
        TestEvents.send(bootstrap(), INTAKE, first, second, other,
                transferred("trf-" + UUID.randomUUID(), "unit-b", officeTime(day, 12, 0)),
                acceptedInTime(second, officeTime(day, 15, 0)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(http.statistics(day, day.plusDays(1)).at("/rates/timelyAcceptance/numerator").asLong()).isEqualTo(1));

        // when
        JsonNode unitA = http.statistics(day, day.plusDays(1), "unit-a");
        JsonNode unitB = http.statistics(day, day.plusDays(1), "unit-b");
        JsonNode unknown = http.statistics(day, day.plusDays(1), "unit-z");
        JsonNode all = http.statistics(day, day.plusDays(1));

        // then
        assertThat(unitA.get("unitId").asString()).isEqualTo("unit-a");
        assertThat(unitA.get("assignmentsIssued").asLong()).isEqualTo(2);
        assertThat(unitA.get("transfersIssued").asLong()).isZero();
        assertRate(unitA.at("/rates/timelyAcceptance"), 1, 2, 50.0);
        assertThat(unitB.get("assignmentsIssued").asLong()).isEqualTo(1);
        assertThat(unitB.get("transfersIssued").asLong()).isEqualTo(1);
        assertRate(unitB.at("/rates/timelyAcceptance"), 0, 1, 0.0);
        assertThat(unknown.get("assignmentsIssued").asLong()).isZero();
        assertThat(all.get("assignmentsIssued").asLong()).isEqualTo(3);
        assertRate(all.at("/rates/timelyAcceptance"), 1, 3, 33.33);
    }

    @Test
    void countsEventsDeliveredAgainWithTheSameIdsOnce() {
        // given
        LocalDate day = LocalDate.of(2026, 3, 23);
        AssignmentIssued assignment = assigned("asg-" + UUID.randomUUID(), "unit-1", officeTime(day, 9, 0));
        List<PendingEvent> sent = TestEvents.send(bootstrap(), INTAKE, assignment,
                transferred("trf-" + UUID.randomUUID(), "unit-1", officeTime(day, 9, 5)),
                acceptedInTime(assignment, officeTime(day, 10, 0)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(http.statistics(day, day.plusDays(1)).at("/rates/timelyAcceptance/numerator").asLong()).isEqualTo(1));

        // when: a relay that crashed before removing them publishes them again, then a later event follows
        TestEvents.resend(bootstrap(), INTAKE, sent);
        TestEvents.send(bootstrap(), INTAKE, assigned("asg-" + UUID.randomUUID(), "unit-later", officeTime(day, 18, 0)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(http.statistics(day, day.plusDays(1), "unit-later").get("assignmentsIssued").asLong()).isEqualTo(1));

        // then
        JsonNode figures = http.statistics(day, day.plusDays(1), "unit-1");
        assertThat(figures.get("assignmentsIssued").asLong()).isEqualTo(1);
        assertThat(figures.get("transfersIssued").asLong()).isEqualTo(1);
        assertRate(figures.at("/rates/timelyAcceptance"), 1, 1, 100.0);
    }

    @Test
    void countsAnEventHandledAgainAfterACrashOnce() {
        // given: the crash window: the projection ran, the event id was never recorded as processed
        LocalDate day = LocalDate.of(2026, 3, 30);
        AssignmentIssued assignment = assigned("asg-" + UUID.randomUUID(), "unit-1", officeTime(day, 9, 0));
        projection.apply(assignment);
        projection.apply(acceptedInTime(assignment, officeTime(day, 10, 0)));

        // when: the same events are handled again, straight to the projection
        projection.apply(assignment);
        projection.apply(acceptedInTime(assignment, officeTime(day, 10, 0)));

        // then
        JsonNode figures = http.statistics(day, day.plusDays(1));
        assertThat(figures.get("assignmentsIssued").asLong()).isEqualTo(1);
        assertRate(figures.at("/rates/timelyAcceptance"), 1, 1, 100.0);
    }

    @Test
    void countsOnTheOfficeLocalDayNotTheUtcOne() {
        // given: 23:30 in the office on 6 April is 15:30 UTC that day; 00:30 on 7 April is 16:30 UTC on the 6th
        LocalDate day = LocalDate.of(2026, 4, 6);
        Instant lateEvening = officeTime(day, 23, 30);
        Instant afterMidnight = officeTime(day.plusDays(1), 0, 30);
        assertThat(lateEvening).isEqualTo(Instant.parse("2026-04-06T15:30:00Z"));
        assertThat(afterMidnight).isEqualTo(Instant.parse("2026-04-06T16:30:00Z"));

        // when
        TestEvents.send(bootstrap(), INTAKE, assigned("asg-" + UUID.randomUUID(), "unit-1", lateEvening),
                transferred("trf-" + UUID.randomUUID(), "unit-1", afterMidnight));

        // then
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(http.statistics(day.plusDays(1), day.plusDays(2)).get("transfersIssued").asLong()).isEqualTo(1));
        JsonNode sixth = http.statistics(day, day.plusDays(1));
        assertThat(sixth.get("assignmentsIssued").asLong()).isEqualTo(1);
        assertThat(sixth.get("transfersIssued").asLong()).isZero();
        assertThat(http.statistics(day.plusDays(1), day.plusDays(2)).get("assignmentsIssued").asLong()).isZero();
    }

    @Test
    void parksAMalformedEventOnTheDeadLetterTopicAndCountsTheNextOne() {
        // given
        LocalDate day = LocalDate.of(2026, 4, 13);
        PendingEvent malformed = new PendingEvent(UUID.randomUUID().toString(), AssignmentIssued.TYPE, Topics.INTAKE,
                "case-broken", "case-broken", Instant.now(), "{\"assignmentId\": ");

        // when
        TestEvents.resend(bootstrap(), INTAKE, List.of(malformed));
        TestEvents.send(bootstrap(), INTAKE, assigned("asg-" + UUID.randomUUID(), "unit-1", officeTime(day, 9, 0)));

        // then
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(http.statistics(day, day.plusDays(1)).get("assignmentsIssued").asLong()).isEqualTo(1));
        assertThat(TopicReader.readAll(bootstrap(), Topics.deadLetter("reporting-service")))
                .extracting(ReportingServiceIT::eventId)
                .contains(malformed.id());
    }

    @Test
    void readsEventsOfTheOtherServicesIncludingTypesItDoesNotKnow() {
        // given: a supervision event of a type not in the catalog, a notification event
        PendingEvent orderOpened = new PendingEvent(UUID.randomUUID().toString(), "duban.supervision.order-opened.v1",
                Topics.SUPERVISION, "case-x", "ord-1", Instant.now(), "{\"orderId\": \"ord-1\"}");
        Instant now = Instant.now();
        NotificationAcknowledged acknowledged = new NotificationAcknowledged("msg-1", "unit-1", "case-x",
                UUID.randomUUID().toString(), AssignmentIssued.TYPE, now, now, new Actor("li.na", "UNIT", "unit-1"));

        // when
        TestEvents.resend(bootstrap(), "/duban/supervision-service", List.of(orderOpened));
        String acknowledgedId = TestEvents.send(bootstrap(), "/duban/notification-service", acknowledged).get(0).id();

        // then: both are read (the group has offsets on both topics); neither is parked
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(processedEventIds())
                .contains("projection:" + orderOpened.id(), "projection:" + acknowledgedId));
        assertThat(TopicReader.readAll(bootstrap(), Topics.deadLetter("reporting-service")))
                .extracting(ReportingServiceIT::eventId)
                .doesNotContain(orderOpened.id(), acknowledgedId);
    }

    @Test
    void countsMattersLeftUnratedApartAndLawyersWorkAndTheAnnualReportSaysSo() throws Exception {
        // given: in 2031 two matters concluded on 3 March, both left unrated when their windows closed on
        // 2 April, one rated late on 10 April; two lawyer duty sessions and a mediation
        Actor platform = Actor.system("intake-service/evaluation-window");
        List<org.duban.contracts.events.DubanEvent> events = new ArrayList<>();
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String caseId = "case-" + UUID.randomUUID();
            cases.add(caseId);
            AssignmentIssued issued = new AssignmentIssued("asg-" + UUID.randomUUID(), caseId, "unit-2031", "ASSIGN",
                    "EDUCATION", false, officeTime(LocalDate.of(2031, 3, 1), 9, 0),
                    officeTime(LocalDate.of(2031, 3, 16), 0, 0), officeTime(LocalDate.of(2031, 4, 30), 0, 0),
                    new Actor("zhang.wei", "SUPERVISOR", null));
            Instant concluded = officeTime(LocalDate.of(2031, 3, 3), 10, 0);
            events.add(issued);
            events.add(new AssignmentConcluded(issued.assignmentId(), caseId, "unit-2031", "ASSIGN", true, true,
                    concluded, new Actor("zhang.wei", "SUPERVISOR", null)));
            events.add(new EvaluationRecorded(caseId, "u-" + caseId, "OVERDUE_UNRATED", null, "SYSTEM",
                    concluded.plus(Duration.ofDays(30)), platform));
        }
        events.add(new EvaluationRecorded(cases.get(1), "e-" + cases.get(1), "SATISFIED", "u-" + cases.get(1),
                "PUBLIC", officeTime(LocalDate.of(2031, 4, 10), 15, 0), Actor.petitioner()));
        Actor supervisorActor = new Actor("zhang.wei", "SUPERVISOR", null);
        events.add(new LawyerDutySessionRecorded("ses-" + UUID.randomUUID(), LocalDate.of(2031, 3, 3), 6,
                Instant.parse("2031-03-03T08:00:00Z"), supervisorActor));
        events.add(new LawyerDutySessionRecorded("ses-" + UUID.randomUUID(), LocalDate.of(2031, 3, 4), 4,
                Instant.parse("2031-03-04T08:00:00Z"), supervisorActor));
        events.add(new LawyerParticipationRecorded("lp-" + UUID.randomUUID(), cases.get(0), "MEDIATION",
                LocalDate.of(2031, 3, 2), Instant.parse("2031-03-02T08:00:00Z"), supervisorActor));

        // when
        TestEvents.send(bootstrap(), INTAKE, events.toArray(org.duban.contracts.events.DubanEvent[]::new));

        // then: one matter unrated, in neither rate; the lawyers' work office-wide only
        LocalDate from = LocalDate.of(2031, 1, 1);
        LocalDate to = LocalDate.of(2032, 1, 1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode figures = http.statistics(from, to);
            assertThat(figures.at("/rates/satisfaction/numerator").asLong()).isEqualTo(1);
            assertThat(figures.at("/lawyers/mediationMatters").asLong()).isEqualTo(1);
        });
        JsonNode figures = http.statistics(from, to);
        assertThat(figures.get("unratedMatters").asLong()).isEqualTo(1);
        assertRate(figures.at("/rates/participation"), 1, 2, 50.0);
        assertRate(figures.at("/rates/satisfaction"), 1, 1, 100.0);
        assertThat(figures.at("/lawyers/dutySessions").asLong()).isEqualTo(2);
        assertThat(figures.at("/lawyers/visitorsReceived").asLong()).isEqualTo(10);
        assertThat(figures.at("/lawyers/legalOpinionMatters").asLong()).isZero();
        assertThat(http.statistics(from, to, "unit-2031").has("lawyers")).isFalse();
        assertThat(http.statistics(from, to, "unit-2031").get("unratedMatters").asLong()).isEqualTo(1);
        HttpResponse<String> report = http.get("/api/v1/reports/annual?year=2031", SUPERVISOR);
        assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
        JsonNode narrative = JSON.readTree(report.body()).get("narrative");
        assertThat(narrative.get(3).asString()).contains("群众参评率50.00%（超期未评价1件）");
        assertThat(narrative.get(4).asString())
                .isEqualTo("强化律师参与信访工作，全年律师坐班接访2次，接待群众10人次，参与化解矛盾1件。");
    }

    @Test
    void keepsTheMattersHistoryAcrossServicesInAHashChainedTimeline() throws Exception {
        // given
        String caseId = "case-" + UUID.randomUUID();
        Instant registeredAt = Instant.parse("2026-05-04T01:00:00Z");
        Actor supervisor = new Actor("zhang.wei", "SUPERVISOR", null);
        AssignmentIssued issued = new AssignmentIssued("asg-" + UUID.randomUUID(), caseId, "unit-1", "ASSIGN", "EDUCATION",
                true, registeredAt.plusSeconds(60), registeredAt.plusSeconds(86_400 * 15), registeredAt.plusSeconds(86_400 * 60),
                supervisor);

        // when: intake registers and assigns; later supervision opens an order (events of different topics
        // are recorded in the order they are read, so the order is sent once intake's are in)
        TestEvents.send(bootstrap(), INTAKE, new CaseRegistered(caseId, "VISIT", "SELF", "EDUCATION", true, false,
                        List.of(), true, registeredAt, supervisor),
                issued, acceptedInTime(issued, registeredAt.plusSeconds(3_600)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                JSON.readTree(http.get("/api/v1/timelines/" + caseId, SUPERVISOR).body()).path("entries")).hasSize(3));
        TestEvents.send(bootstrap(), "/duban/supervision-service", new SupervisionOrderOpened("sup-1", issued.assignmentId(),
                caseId, "unit-1", "DELAYING", "LETTER", false, registeredAt.plusSeconds(86_400 * 20),
                registeredAt.plusSeconds(86_400 * 2), supervisor));

        // then
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(JSON.readTree(http.get("/api/v1/timelines/" + caseId, SUPERVISOR).body()).get("entries")).hasSize(4));
        JsonNode entries = JSON.readTree(http.get("/api/v1/timelines/" + caseId, SUPERVISOR).body()).get("entries");
        assertThat(entries.get(0).get("type").asString()).isEqualTo("duban.case.registered.v1");
        assertThat(entries.get(0).get("previousHash").asString()).isEqualTo("0".repeat(64));
        assertThat(entries.get(1).get("what").asString()).startsWith("交办");
        assertThat(entries.get(1).get("unitId").asString()).isEqualTo("unit-1");
        assertThat(entries.get(2).at("/actor/role").asString()).isEqualTo("UNIT");
        assertThat(entries.get(2).at("/actor/unitId").asString()).isEqualTo("unit-1");
        for (int i = 1; i < 4; i++) {
            assertThat(entries.get(i).get("sequence").asLong()).isEqualTo(i + 1);
            assertThat(entries.get(i).get("previousHash").asString()).isEqualTo(entries.get(i - 1).get("hash").asString());
        }
        JsonNode verification = JSON.readTree(http.get("/api/v1/timelines/" + caseId + "/verification", SUPERVISOR).body());
        assertThat(verification.get("intact").asBoolean()).isTrue();
        assertThat(verification.get("entries").asLong()).isEqualTo(4);
        assertThat(entries.get(3).get("type").asString()).isEqualTo("duban.supervision.opened.v1");
    }

    @Test
    void reportsAStoredTimelineEntryThatWasAltered() throws Exception {
        // given
        String caseId = "case-" + UUID.randomUUID();
        AssignmentIssued issued = assigned("asg-" + UUID.randomUUID(), "unit-1", Instant.parse("2026-05-11T01:00:00Z"));
        issued = new AssignmentIssued(issued.assignmentId(), caseId, issued.unitId(), issued.kind(), issued.category(),
                false, issued.issuedAt(), issued.acceptanceDueAt(), issued.dueAt(), issued.actor());
        TestEvents.send(bootstrap(), INTAKE, issued, acceptedInTime(issued, issued.issuedAt().plusSeconds(60)),
                acceptedInTime(issued, issued.issuedAt().plusSeconds(120)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                JSON.readTree(http.get("/api/v1/timelines/" + caseId, SUPERVISOR).body()).path("entries")).hasSize(3));

        // when: the second entry is edited directly in the store
        database.getCollection("timeline_entries").updateOne(com.mongodb.client.model.Filters.eq("_id", caseId + "|2"),
                com.mongodb.client.model.Updates.set("what", "签收（按期）"));

        // then
        JsonNode verification = JSON.readTree(http.get("/api/v1/timelines/" + caseId + "/verification", SUPERVISOR).body());
        assertThat(verification.get("intact").asBoolean()).isFalse();
        assertThat(verification.get("firstBrokenSequence").asLong()).isEqualTo(2);
    }

    @Test
    void showsTimelinesToSupervisorsAndLeadersButNotToUnits() throws Exception {
        // given
        String caseId = "case-" + UUID.randomUUID();
        AssignmentIssued issued = assigned("asg-" + UUID.randomUUID(), "unit-1", Instant.parse("2026-05-12T01:00:00Z"));
        TestEvents.send(bootstrap(), INTAKE, new AssignmentIssued(issued.assignmentId(), caseId, issued.unitId(),
                issued.kind(), issued.category(), false, issued.issuedAt(), issued.acceptanceDueAt(), issued.dueAt(),
                issued.actor()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                JSON.readTree(http.get("/api/v1/timelines/" + caseId, SUPERVISOR).body()).path("entries")).hasSize(1));
        String leader = LEADER;
        String unit = TestTokens.unit("li.na", "unit-1");

        // when
        HttpResponse<String> byLeader = http.get("/api/v1/timelines/" + caseId, leader);
        HttpResponse<String> verifiedByLeader = http.get("/api/v1/timelines/" + caseId + "/verification", leader);
        HttpResponse<String> byUnit = http.get("/api/v1/timelines/" + caseId, unit);
        HttpResponse<String> verifiedByUnit = http.get("/api/v1/timelines/" + caseId + "/verification", unit);
        HttpResponse<String> missingForLeader = http.get("/api/v1/timelines/case-never-seen", leader);
        HttpResponse<String> missing = http.get("/api/v1/timelines/case-never-seen", SUPERVISOR);

        // then
        assertThat(byLeader.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(byLeader.body()).path("entries").get(0).path("type").asString())
                .isEqualTo("duban.assignment.issued.v1");
        assertThat(verifiedByLeader.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(verifiedByLeader.body()).path("intact").asBoolean()).isTrue();
        assertProblem(byUnit, 403, "forbidden");
        assertProblem(verifiedByUnit, 403, "forbidden");
        assertProblem(missingForLeader, 404, "not-found");
        assertProblem(missing, 404, "not-found");
    }

    @Test
    void letsALeaderRead() throws Exception {
        // when
        HttpResponse<String> response = http.get("/api/v1/statistics?from=2026-01-01&to=2027-01-01", LEADER);

        // then
        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void refusesAUnit() throws Exception {
        // when
        HttpResponse<String> response = http.get("/api/v1/statistics?from=2026-03-02&to=2026-03-03",
                TestTokens.unit("li.na", "unit-1"));

        // then
        assertProblem(response, 403, "forbidden");
    }

    @Test
    void refusesAPeriodThatEndsBeforeItStarts() throws Exception {
        // when
        HttpResponse<String> response = http.get("/api/v1/statistics?from=2026-03-02&to=2026-03-01", SUPERVISOR);

        // then
        assertProblem(response, 400, "invalid-request");
        assertThat(JSON.readTree(response.body()).at("/errors/0/field").asString()).isEqualTo("to");
    }

    @Test
    void refusesAPeriodLongerThanAYear() throws Exception {
        // when
        HttpResponse<String> longest = http.get("/api/v1/statistics?from=2024-01-01&to=2025-01-01", SUPERVISOR);
        HttpResponse<String> tooLong = http.get("/api/v1/statistics?from=2024-01-01&to=2025-01-02", SUPERVISOR);

        // then
        assertThat(longest.statusCode()).isEqualTo(200);
        assertProblem(tooLong, 400, "invalid-request");
    }

    @Test
    void refusesAMissingOrMalformedDate() throws Exception {
        // when
        HttpResponse<String> missingFrom = http.get("/api/v1/statistics?to=2026-03-03", SUPERVISOR);
        HttpResponse<String> malformedTo = http.get("/api/v1/statistics?from=2026-03-02&to=tomorrow", SUPERVISOR);

        // then
        assertProblem(missingFrom, 400, "invalid-request");
        assertThat(missingFrom.body()).contains("from");
        assertProblem(malformedTo, 400, "invalid-request");
        assertThat(JSON.readTree(malformedTo.body()).at("/errors/0/field").asString()).isEqualTo("to");
    }

    @Test
    void refusesAnOverlongUnitId() throws Exception {
        // when
        HttpResponse<String> response = http.get("/api/v1/statistics?from=2026-03-02&to=2026-03-03&unitId=" + "u".repeat(65),
                SUPERVISOR);

        // then
        assertProblem(response, 400, "invalid-request");
        assertThat(JSON.readTree(response.body()).at("/errors/0/field").asString()).isEqualTo("unitId");
    }

    @Test
    void refusesACallWithoutAToken() throws Exception {
        // when
        HttpResponse<String> response = http.get("/api/v1/statistics?from=2026-03-02&to=2026-03-03", null);

        // then
        assertProblem(response, 401, "unauthenticated");
    }

    private List<String> processedEventIds() {
        return database.getCollection("processed_events").find().map(document -> document.getString("_id"))
                .into(new ArrayList<>());
    }

    private static void assertProblem(HttpResponse<String> response, int status, String slug) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo("urn:duban:problem:" + slug);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.hasNonNull("requestId")).isTrue();
    }

    private static String eventId(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader("ce_id");
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
