package org.duban.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.duban.client.ApiClient;
import org.duban.client.DubanApiClient;
import org.duban.client.api.AlertsApi;
import org.duban.client.api.AssignmentsApi;
import org.duban.client.api.CasesApi;
import org.duban.client.api.DeliveriesApi;
import org.duban.client.api.DevTokensApi;
import org.duban.client.api.InboxApi;
import org.duban.client.api.StatisticsApi;
import org.duban.client.api.UnitsApi;
import org.duban.client.api.WebhooksApi;
import org.duban.client.model.Alert;
import org.duban.client.model.Assignment;
import org.duban.client.model.AssignmentKind;
import org.duban.client.model.AssignmentStatus;
import org.duban.client.model.CaseSummary;
import org.duban.client.model.Category;
import org.duban.client.model.Channel;
import org.duban.client.model.DevTokenRequest.RolesEnum;
import org.duban.client.model.DevTokenRequest;
import org.duban.client.model.InboxMessage;
import org.duban.client.model.IssueAssignmentRequest;
import org.duban.client.model.Origin;
import org.duban.client.model.Petitioner;
import org.duban.client.model.RegisterCaseRequest;
import org.duban.client.model.RegisterUnitRequest;
import org.duban.client.model.RegisterWebhookRequest;
import org.duban.client.model.UnitKind;
import org.duban.client.model.WebhookWithSecret;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The platform as a newcomer starts it ({@code ./duban start --detach}), every part its own process,
 * driven through the gateway with the generated Java client — the way a responsible unit's system
 * would use it. The tests run in order: each leaves the platform running for the next.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(SharedPlatform.class)
class PlatformIT {

    private static final ZoneId OFFICE = ZoneId.of("Asia/Shanghai");

    private static LocalPlatform platform;
    private static String supervisorToken;

    @BeforeAll
    static void thePlatform() {
        platform = SharedPlatform.platform();
        System.out.println(memoryReport("platform healthy after " + SharedPlatform.startedIn().toMillis() + " ms"));
        supervisorToken = token("zhang.wei", RolesEnum.SUPERVISOR, null);
    }

    @Test
    @Order(1)
    void anAssignmentReachesSupervisionTheUnitsInboxAndTheFigures() {
        // given
        String unitId = registerUnit();
        String unitToken = token("wang.fang", RolesEnum.UNIT, unitId);
        long issuedBefore = assignmentsIssuedToday();

        // when
        Assignment issued = issue(unitId);

        // then
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(alertsOf(unitId)).extracting(Alert::getAssignmentId).containsExactly(issued.getId());
            assertThat(inbox(unitToken)).extracting(InboxMessage::getAssignmentId).containsExactly(issued.getId());
            assertThat(assignmentsIssuedToday()).isEqualTo(issuedBefore + 1);
        });

        // and the unit's own system accepts it, reports progress and its final report (the README's guide)
        ResponsibleUnitIntegration unitSystem = new ResponsibleUnitIntegration(platform.gatewayUrl(), unitToken);
        List<Assignment> accepted = unitSystem.acceptNewAssignments(OffsetDateTime.now());
        assertThat(accepted).extracting(Assignment::getId).containsExactly(issued.getId());
        assertThat(accepted.get(0).getStatus()).isEqualTo(AssignmentStatus.ACCEPTED);
        InboxMessage message = inbox(unitToken).get(0);
        assertThat(new InboxApi(client(unitToken)).acknowledgeMessage(message.getId()).getAcknowledgedAt())
                .isNotNull();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(alertsOf(unitId)).extracting(alert -> alert.getDeadlineKind().getValue())
                        .containsExactly("RESULT"));
        assertThat(unitSystem.reportProgress(issued.getId(), "已约谈信访人，正在协调").getProgress()).hasSize(1);
        assertThat(unitSystem.submitFinalReport(issued.getId(), "已协调加装电梯，信访人认可", OffsetDateTime.now())
                .getStatus()).isEqualTo(AssignmentStatus.REPORTED);
    }

    @Test
    @Order(2)
    void aUnitReachesNoneOfAnotherUnitsObjectsThroughTheGatewayWhileASupervisorSeesBoth() throws Exception {
        // given: unit A and unit B, each with an assignment and an inbox message
        String unitA = registerUnit();
        String unitB = registerUnit();
        String tokenA = token("a.clerk", RolesEnum.UNIT, unitA);
        String tokenB = token("b.clerk", RolesEnum.UNIT, unitB);
        Assignment ofA = issue(unitA);
        Assignment ofB = issue(unitB);
        await().atMost(Duration.ofSeconds(60)).until(() -> inbox(tokenA).size() == 1 && inbox(tokenB).size() == 1);
        String messageOfA = inbox(tokenA).get(0).getId();
        String now = OffsetDateTime.now().toString();
        String assignment = "/api/v1/assignments/" + ofA.getId();
        Map<String, String[]> unitCalls = Map.of(
                "read", new String[] {"GET", assignment, null},
                "matter", new String[] {"GET", "/api/v1/cases/" + ofA.getCaseId(), null},
                "unit", new String[] {"GET", "/api/v1/units/" + unitA, null},
                "accept", new String[] {"POST", assignment + "/accept", "{\"noticeSentAt\":\"" + now + "\"}"},
                "objection", new String[] {"POST", assignment + "/objection", "{\"reason\":\"不属本单位管辖\"}"},
                "progress", new String[] {"POST", assignment + "/progress", "{\"note\":\"已约谈信访人\"}"},
                "extension", new String[] {"POST", assignment + "/extensions", "{\"days\":5,\"reason\":\"需协调\"}"},
                "final report", new String[] {"POST", assignment + "/final-report", "{\"outcome\":\"SOLVED\","
                        + "\"resolved\":true,\"summary\":\"已解决\",\"repliedAt\":\"" + now + "\"}"},
                "inbox ack", new String[] {"POST", "/api/v1/inbox/" + messageOfA + "/ack", null});

        // when / then: unit B gets 404 for each of A's objects, exactly like a missing one
        for (Map.Entry<String, String[]> call : unitCalls.entrySet()) {
            String[] request = call.getValue();
            HttpResponse<String> answer = call(request[0], request[1], tokenB, request[2]);
            assertThat(answer.statusCode()).as(call.getKey() + ": " + answer.body()).isEqualTo(404);
            assertThat(answer.body()).as(call.getKey()).contains("urn:duban:problem:not-found");
        }
        // the office's own calls on A's objects are refused to any unit by role, before any look-up
        Map<String, String> officeCalls = Map.of(
                assignment + "/review", "{\"decision\":\"APPROVE\"}",
                assignment + "/cancel", "{\"reason\":\"重复交办\"}",
                assignment + "/objection/decision", "{\"upheld\":false}",
                "/api/v1/cases/" + ofA.getCaseId() + "/evaluations", "{\"rating\":\"SATISFIED\"}");
        for (Map.Entry<String, String> officeCall : officeCalls.entrySet()) {
            HttpResponse<String> answer = call("POST", officeCall.getKey(), tokenB, officeCall.getValue());
            assertThat(answer.statusCode()).as(officeCall.getKey() + ": " + answer.body()).isEqualTo(403);
        }
        assertThat(call("GET", "/api/v1/assignments?unitId=" + unitA, tokenB, null).body())
                .doesNotContain(ofA.getId()).contains(ofB.getId());
        assertThat(call("GET", "/api/v1/alerts?unitId=" + unitA, tokenB, null).body()).doesNotContain(ofA.getId());
        // nothing of A's changed, and its owner and a supervisor still see it
        assertThat(new AssignmentsApi(client(tokenA)).getAssignment(ofA.getId()).getStatus())
                .isEqualTo(AssignmentStatus.ASSIGNED);
        assertThat(inbox(tokenA).get(0).getAcknowledgedAt()).isNull();
        AssignmentsApi asSupervisor = new AssignmentsApi(client(supervisorToken));
        assertThat(asSupervisor.getAssignment(ofA.getId()).getUnitId()).isEqualTo(unitA);
        assertThat(asSupervisor.getAssignment(ofB.getId()).getUnitId()).isEqualTo(unitB);
        assertThat(asSupervisor.listAssignments(null, null, ofA.getCaseId(), false, 0, 20).getItems())
                .extracting(Assignment::getId, Assignment::getCaseTitle)
                .containsExactly(tuple(ofA.getId(), "小区加装电梯纠纷"));
        assertThat(new UnitsApi(client(tokenB)).getUnit(unitB).getId()).isEqualTo(unitB);
        // the office's leader reads both matters, by ids, and each without its petitioner
        CasesApi asLeader = new CasesApi(client(token("wang.qiang", RolesEnum.LEADER, null)));
        assertThat(asLeader.listCases(null, List.of(ofA.getCaseId(), ofB.getCaseId()), null, null, null, null, null,
                null, 0, 20).getItems()).extracting(CaseSummary::getId)
                .containsExactlyInAnyOrder(ofA.getCaseId(), ofB.getCaseId());
        assertThat(asLeader.getCase(ofA.getCaseId()).getPetitioner()).isNull();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                new AlertsApi(client(tokenA)).listAlerts(null, null, null, 0, 50).getCounts().getGreen())
                .as("the unit's own board counts only its own line").isEqualTo(1));
    }

    @Test
    @Order(3)
    void anAssignmentStoredByAnIntakeKilledBeforePublishingIsPublishedAfterRestartWithOneEffectEach() {
        // given: intake runs without its relay, so what it stores is not published
        String unitId = registerUnit();
        String unitToken = token("li.na", RolesEnum.UNIT, unitId);
        platform.kill("intake-service");
        platform.start(Map.of("DUBAN_APPS", "intake-service", "DUBAN_OUTBOX_ENABLED", "false"));
        long issuedBefore = assignmentsIssuedToday();
        Assignment issued = issue(unitId);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> alertsOf(unitId).isEmpty());

        // when: intake dies before publishing, and comes back
        platform.kill("intake-service");
        platform.start(Map.of("DUBAN_APPS", "intake-service"));

        // then: every consumer shows exactly one effect
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(alertsOf(unitId)).extracting(Alert::getAssignmentId).containsExactly(issued.getId());
            assertThat(inbox(unitToken)).extracting(InboxMessage::getAssignmentId).containsExactly(issued.getId());
            assertThat(assignmentsIssuedToday()).isEqualTo(issuedBefore + 1);
        });
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() ->
                alertsOf(unitId).size() == 1 && inbox(unitToken).size() == 1
                        && assignmentsIssuedToday() == issuedBefore + 1);
    }

    @Test
    @Order(4)
    void withSupervisionDownTheBoardAnswers503QuicklyAndTheRestKeepsWorking() throws Exception {
        // given
        platform.terminate("supervision-service");

        // when
        long began = System.nanoTime();
        HttpResponse<String> alerts = call("GET", "/api/v1/alerts", supervisorToken, null);
        Duration took = Duration.ofNanos(System.nanoTime() - began);

        // then
        assertThat(alerts.statusCode()).isEqualTo(503);
        assertThat(alerts.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(alerts.body()).contains("urn:duban:problem:service-unavailable", "requestId");
        assertThat(took).isLessThan(Duration.ofSeconds(12));
        assertThat(registerUnit()).isNotBlank();
        assertThat(assignmentsIssuedToday()).isPositive();

        // and it comes back
        platform.start(Map.of("DUBAN_APPS", "supervision-service"));
        assertThat(new AlertsApi(client(supervisorToken)).listAlerts(null, null, null, 0, 1).getItems()).isNotEmpty();
    }

    @Test
    @Order(5)
    void dataSurvivesAStopAndAStart() {
        // given
        String unitId = registerUnit();
        Assignment issued = issue(unitId);
        System.out.println(memoryReport("after the flows, before the restart"));
        platform.stop();

        // when
        platform.start();

        // then
        Assignment again = new AssignmentsApi(client(supervisorToken)).getAssignment(issued.getId());
        assertThat(again.getUnitId()).isEqualTo(unitId);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(alertsOf(unitId)).extracting(Alert::getAssignmentId).containsExactly(issued.getId()));
    }

    @Test
    @Order(30)
    void theYearsStatisticsAndTheMarkdownAnnualReportCountTheAssignmentsMadeBefore() throws Exception {
        // given: the assignments the earlier tests issued, as intake lists them
        ReportingThroughTheGateway reporting = new ReportingThroughTheGateway(platform.gatewayUrl(), supervisorToken, OFFICE);
        List<Assignment> assignments = reporting.assignments();
        long issued = reporting.assignmentsIssuedThisYear();
        assertThat(issued).isPositive();

        // then: the figures, the report and a matter's timeline through the gateway
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(reporting.statisticsOfTheYear().getAssignmentsIssued()).isEqualTo(issued));
        HttpResponse<String> report = reporting.markdownReport();
        assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
        assertThat(report.headers().firstValue("Content-Type").orElse("")).startsWith("text/markdown");
        assertThat(report.body()).contains("全年累计交办突出信访问题" + issued + "件，督办");
        assertThat(report.body()).contains("| 交办 | " + issued + " |");
        String caseId = assignments.get(0).getCaseId();
        HttpResponse<String> timeline = reporting.get("/api/v1/timelines/" + caseId, "application/json");
        assertThat(timeline.statusCode()).as(timeline.body()).isEqualTo(200);
        assertThat(timeline.body()).contains("duban.assignment.issued.v1").doesNotContain("李某");
        HttpResponse<String> verification = reporting.get("/api/v1/timelines/" + caseId + "/verification",
                "application/json");
        assertThat(verification.body()).contains("\"intact\":true");
    }

    @Test
    @Order(10)
    void aSupervisorOpensAndClosesAnOrderAndIssuesMeasuresThatTheUnitAnswersAndNoOtherUnitSees() {
        // given: an assignment supervision tracks
        String unitId = registerUnit();
        String unitToken = token("wang.fang", RolesEnum.UNIT, unitId);
        String otherToken = token("zhao.lei", RolesEnum.UNIT, registerUnit());
        Assignment issued = issue(unitId);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(alertsOf(unitId)).extracting(Alert::getAssignmentId).contains(issued.getId()));
        SupervisionJourney journey = new SupervisionJourney(platform.gatewayUrl());

        // when: a supervisor opens an order, the unit responds, the supervisor closes it
        var order = journey.openOrder(supervisorToken, issued.getId());
        var responded = journey.respond(unitToken, order.getId());
        var closed = journey.close(supervisorToken, order.getId());

        // then
        assertThat(order.getStatus().getValue()).isEqualTo("OPEN");
        assertThat(responded.getStatus().getValue()).isEqualTo("RESPONDED");
        assertThat(closed.getStatus().getValue()).isEqualTo("CLOSED");

        // when: a written self-review is ordered and submitted, an interview scheduled and recorded
        var review = journey.orderSelfReview(supervisorToken, unitId, order.getId());
        var submitted = journey.submit(unitToken, review.getId());
        var interview = journey.scheduleInterview(supervisorToken, unitId);
        var held = journey.recordInterview(supervisorToken, interview.getId());

        // then
        assertThat(submitted.getStatus().getValue()).isEqualTo("SUBMITTED");
        assertThat(interview.getStatus().getValue()).isEqualTo("SCHEDULED");
        assertThat(held.getStatus().getValue()).isEqualTo("HELD");
        // and another unit reads none of them
        assertThat(journey.statusOfOrder(otherToken, order.getId())).isEqualTo(404);
        assertThat(journey.statusOfMeasure(otherToken, review.getId())).isEqualTo(404);
        assertThat(journey.statusOfMeasure(otherToken, interview.getId())).isEqualTo(404);
        assertThat(journey.ordersVisibleTo(otherToken, unitId)).isZero();
        assertThat(journey.statusOfOrder(unitToken, order.getId())).isEqualTo(200);
    }

    private static HttpResponse<String> call(String method, String path, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + path))
                .header("Authorization", "Bearer " + token)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Resident memory of every part, for the numbers the platform is judged by. */
    private static String memoryReport(String moment) {
        StringBuilder report = new StringBuilder(moment + "; resident memory:");
        for (String part : LocalPlatform.PARTS) {
            platform.pid(part).ifPresent(pid -> report.append("\n  ").append(part).append(": ")
                    .append(LocalPlatform.residentMiB(pid)).append(" MiB"));
        }
        return report.toString();
    }

    private static String token(String subject, RolesEnum role, String unitId) {
        return new DevTokensApi(new DubanApiClient(platform.gatewayUrl())).issueDevToken(new DevTokenRequest()
                .subject(subject).roles(List.of(role)).unitId(unitId)).getToken();
    }

    /** The one client, calling through the gateway with {@code token}. */
    private static ApiClient client(String token) {
        return new DubanApiClient(platform.gatewayUrl()).setBearerToken(token);
    }

    private String registerUnit() {
        String code = "U" + UUID.randomUUID().toString().substring(0, 8);
        return new UnitsApi(client(supervisorToken)).registerUnit(new RegisterUnitRequest().code(code)
                .name("城关街道办事处").kind(UnitKind.SUB_DISTRICT), null).getId();
    }

    private Assignment issue(String unitId) {
        String caseId = new CasesApi(client(supervisorToken)).registerCase(new RegisterCaseRequest()
                .title("小区加装电梯纠纷").summary("反映小区加装电梯协调不力").channel(Channel.VISIT)
                .origin(Origin.SELF).category(Category.URBAN_RURAL_CONSTRUCTION)
                .petitioner(new Petitioner().name("李某")).prominent(true), null).getId();
        return new AssignmentsApi(client(supervisorToken)).issueAssignment(caseId,
                new IssueAssignmentRequest().unitId(unitId).kind(AssignmentKind.ASSIGN), UUID.randomUUID().toString());
    }

    private List<Alert> alertsOf(String unitId) {
        return new AlertsApi(client(supervisorToken)).listAlerts(null, unitId, null, 0, 50).getItems();
    }

    private List<InboxMessage> inbox(String unitToken) {
        return new InboxApi(client(unitToken)).listInbox(null, 0, 50).getItems();
    }

    private long assignmentsIssuedToday() {
        LocalDate today = LocalDate.now(OFFICE);
        return new StatisticsApi(client(supervisorToken)).getStatistics(today, today.plusDays(1), null)
                .getAssignmentsIssued();
    }





    @Test
    @Order(40)
    void oneTraceIdFollowsAnAssignmentFromTheGatewayThroughIntakeAcrossKafkaToSupervisionAndNotification() {
        // given: a unit and a matter, and a caller that traces its own calls
        String unitId = registerUnit();
        String caseId = new CasesApi(client(supervisorToken)).registerCase(new RegisterCaseRequest()
                .title("噪声扰民").summary("夜间施工噪声").channel(Channel.ONLINE).origin(Origin.SELF)
                .category(Category.URBAN_RURAL_CONSTRUCTION).petitioner(new Petitioner().name("王某")), null).getId();
        String traceId = TracedRequests.newTraceId();

        // when: the assignment is issued in that trace
        HttpResponse<String> issued = TracedRequests.post(platform.gatewayUrl(), "/api/v1/cases/" + caseId
                + "/assignments", supervisorToken, "{\"unitId\":\"" + unitId + "\",\"kind\":\"ASSIGN\"}", traceId);

        // then: the gateway, intake (the request), supervision and notification (the event, via the outbox
        // relay and Kafka) all log under the same trace id
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (String part : List.of("gateway", "intake-service", "supervision-service", "notification-service")) {
                assertThat(TracedRequests.linesOfTrace(platform.logFile(part), traceId))
                        .as("lines of trace %s in the log of %s", traceId, part).isNotEmpty();
            }
        });
        assertThat(TracedRequests.linesOfTrace(platform.logFile("supervision-service"), traceId))
                .anySatisfy(line -> assertThat(line).contains("handled duban.assignment.issued.v1"));
        assertThat(TracedRequests.linesOfTrace(platform.logFile("notification-service"), traceId))
                .anySatisfy(line -> assertThat(line).contains("handled duban.assignment.issued.v1"));
    }

    @Test
    @Order(20)
    void aUnitsWebhookReceivesItsAssignmentSignedAndTheInboxRecordsTheAcknowledgement() throws Exception {
        // given: the unit's system registers its receiver (the local profile allows a loopback URL)
        String unitId = registerUnit();
        String unitToken = token("li.na", RolesEnum.UNIT, unitId);
        try (SignedWebhookReceiver receiver = new SignedWebhookReceiver()) {
            WebhookWithSecret webhook = new WebhooksApi(client(unitToken)).registerWebhook(
                    new RegisterWebhookRequest().url(receiver.url()).events(List.of("duban.assignment.issued.v1")),
                    "webhook-" + unitId);
            assertThat(webhook.getSecret()).startsWith("whsec_");
            receiver.trust(webhook.getSecret());

            // when
            Assignment issued = issue(unitId);

            // then: it arrives signed, the inbox shows it, and the acknowledgement is recorded
            SignedWebhookReceiver.Request request = await().atMost(Duration.ofSeconds(60)).until(
                    () -> receiver.requests().stream().filter(r -> r.body().contains(issued.getId())).findFirst()
                            .orElse(null), found -> found != null);
            assertThat(request.genuine()).as("signature verified by the receiver").isTrue();
            InboxMessage message = await().atMost(Duration.ofSeconds(60)).until(() -> inbox(unitToken).stream()
                    .filter(m -> issued.getId().equals(m.getAssignmentId())).findFirst().orElse(null), m -> m != null);
            assertThat(request.body()).contains(message.getId());
            InboxMessage acknowledged = new InboxApi(client(unitToken)).acknowledgeMessage(message.getId());
            assertThat(acknowledged.getAcknowledgedAt()).isNotNull();
            assertThat(inbox(unitToken)).filteredOn(m -> m.getId().equals(message.getId()))
                    .singleElement().satisfies(m -> assertThat(m.getRead()).isTrue());
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                    new DeliveriesApi(client(unitToken))
                            .listDeliveries(null, 0, 50).getItems())
                    .filteredOn(d -> d.getId().equals(request.webhookId())).singleElement()
                    .satisfies(d -> assertThat(d.getStatus().getValue()).isEqualTo("DELIVERED")));
        }
    }
}
