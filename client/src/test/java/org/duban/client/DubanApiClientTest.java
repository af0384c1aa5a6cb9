package org.duban.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.duban.client.FakeGateway.Answer;
import org.duban.client.api.AlertsApi;
import org.duban.client.api.AssignmentsApi;
import org.duban.client.api.CasesApi;
import org.duban.client.api.InboxApi;
import org.duban.client.api.ProgressApi;
import org.duban.client.api.StatisticsApi;
import org.duban.client.model.AcceptAssignmentRequest;
import org.duban.client.model.Assignment;
import org.duban.client.model.AssignmentStatus;
import org.duban.client.model.CasePage;
import org.duban.client.model.CaseSummary;
import org.duban.client.model.Category;
import org.duban.client.model.Origin;
import org.duban.client.model.ProgressRequest;
import org.duban.client.model.ProgressStage;
import org.duban.client.model.ProgressStep;
import org.duban.client.model.PublicProgress;
import org.duban.client.model.PublicProgressRequest;
import org.duban.client.model.ReissuedQueryCode;
import org.duban.client.model.UnitKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client speaks the API as the contract says: paths, bearer token, JSON both ways, Idempotency-Key, problems. */
class DubanApiClientTest {

    private static final String ACCEPTED = """
            {"id":"asg-1","caseId":"case-1","unitId":"unit-1","kind":"ASSIGN","status":"ACCEPTED",
             "issuedAt":"2024-03-01T02:00:00Z","acceptanceDueAt":"2024-03-16T16:00:00Z",
             "dueAt":"2024-04-30T16:00:00Z","acceptedAt":"2024-03-02T01:00:00Z",
             "noticeSentAt":"2024-03-02T00:30:00Z"}""";

    private FakeGateway gateway;

    @BeforeEach
    void fakeGateway() throws IOException {
        gateway = new FakeGateway();
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void acceptsAnAssignmentWithTheUnitsTokenAndReadsTheAnswer() {
        // given
        gateway.answer("POST /api/v1/assignments/asg-1/accept", Answer.json(200, ACCEPTED));
        AssignmentsApi assignments = new AssignmentsApi(client("unit-token"));

        // when
        Assignment accepted = assignments.acceptAssignment("asg-1",
                new AcceptAssignmentRequest().noticeSentAt(OffsetDateTime.parse("2024-03-02T08:30:00+08:00")));

        // then
        assertThat(accepted.getStatus()).isEqualTo(AssignmentStatus.ACCEPTED);
        assertThat(accepted.getAcceptedAt()).isEqualTo(OffsetDateTime.parse("2024-03-02T01:00:00Z"));
        assertThat(gateway.lastRequest().line()).isEqualTo("POST /api/v1/assignments/asg-1/accept");
        assertThat(gateway.lastRequest().authorization()).isEqualTo("Bearer unit-token");
        assertThat(gateway.lastRequest().body()).isEqualTo("{\"noticeSentAt\":\"2024-03-02T08:30:00+08:00\"}");
    }

    @Test
    void listsMattersWithTheConsolesFiltersAsTheContractSpellsThem() {
        // given
        gateway.answer("GET /api/v1/cases", Answer.json(200, """
                {"items":[{"id":"case-1","title":"小区加装电梯纠纷","channel":"VISIT","origin":"CITY",
                 "category":"REAL_ESTATE","prominent":true,"whistleblowing":false,"firstTime":true,
                 "registeredAt":"2024-03-01T02:00:00Z"}],
                 "page":{"page":0,"size":20,"totalElements":1,"totalPages":1}}"""));
        CasesApi cases = new CasesApi(client("leader-token"));

        // when
        CasePage page = cases.listCases("电梯", List.of("case-1", "case-2"), Category.REAL_ESTATE, null, Origin.CITY,
                true, LocalDate.of(2024, 3, 1), LocalDate.of(2024, 4, 1), 0, 20);

        // then
        assertThat(page.getItems()).extracting(CaseSummary::getId).containsExactly("case-1");
        assertThat(page.getItems().get(0).getTitle()).isEqualTo("小区加装电梯纠纷");
        assertThat(page.getPage().getTotalElements()).isEqualTo(1);
        assertThat(URLDecoder.decode(gateway.lastRequest().rawQuery(), StandardCharsets.UTF_8)).isEqualTo("q=电梯"
                + "&ids=case-1,case-2&category=REAL_ESTATE&origin=CITY&prominent=true"
                + "&registeredFrom=2024-03-01&registeredTo=2024-04-01&page=0&size=20");
    }

    @Test
    void asksForThePublicProgressWithTheQueryCodeInTheBodyAndNoToken() {
        // given: a client that has a token sends none on a public call
        gateway.answer("POST /api/v1/public/progress", Answer.json(200, """
                {"stages":[{"stage":"REGISTERED","at":"2026-12-01T01:30:00Z"},
                 {"stage":"ASSIGNED","at":"2026-12-01T02:05:00Z","bodyKind":"SUB_DISTRICT"}],
                 "dueAt":"2027-01-30T16:00:00Z"}"""));
        ProgressApi progress = new ProgressApi(client("some-token"));

        // when
        PublicProgress answer = progress.getPublicProgress(new PublicProgressRequest().queryCode("K7M2QX9PRT4W"));

        // then
        assertThat(answer.getStages()).extracting(ProgressStep::getStage)
                .containsExactly(ProgressStage.REGISTERED, ProgressStage.ASSIGNED);
        assertThat(answer.getStages().get(1).getBodyKind()).isEqualTo(UnitKind.SUB_DISTRICT);
        assertThat(answer.getDueAt()).isEqualTo(OffsetDateTime.parse("2027-01-30T16:00:00Z"));
        assertThat(gateway.lastRequest().authorization()).isNull();
        assertThat(gateway.lastRequest().body()).isEqualTo("{\"queryCode\":\"K7M2QX9PRT4W\"}");
    }

    @Test
    void reissuesAQueryCodeWithTheSupervisorsToken() {
        // given
        gateway.answer("POST /api/v1/cases/case-1/query-code", Answer.json(200, """
                {"caseId":"case-1","queryCode":"K7M2QX9PRT4W","reissuedAt":"2026-12-03T09:15:30Z"}"""));
        CasesApi cases = new CasesApi(client("supervisor-token"));

        // when
        ReissuedQueryCode reissued = cases.reissueQueryCode("case-1");

        // then
        assertThat(reissued.getQueryCode()).isEqualTo("K7M2QX9PRT4W");
        assertThat(gateway.lastRequest().line()).isEqualTo("POST /api/v1/cases/case-1/query-code");
        assertThat(gateway.lastRequest().authorization()).isEqualTo("Bearer supervisor-token");
    }

    @Test
    void aProblemAnswerSurfacesAsAnApiExceptionCarryingTheProblemDocument() {
        // given
        gateway.answer("POST /api/v1/assignments/asg-1/accept", Answer.problem(409,
                "urn:duban:problem:state-conflict", "Conflict", "assignment asg-1 is ACCEPTED"));
        AssignmentsApi assignments = new AssignmentsApi(client("unit-token"));

        // when
        ApiException refused = catchThrowableOfType(ApiException.class, () -> assignments.acceptAssignment("asg-1",
                new AcceptAssignmentRequest().noticeSentAt(OffsetDateTime.parse("2024-03-02T08:30:00+08:00"))));

        // then
        assertThat(refused.getCode()).isEqualTo(409);
        assertThat(refused.getProblem()).hasValueSatisfying(problem -> {
            assertThat(problem.getType()).isEqualTo("urn:duban:problem:state-conflict");
            assertThat(problem.getTitle()).isEqualTo("Conflict");
            assertThat(problem.getStatus()).isEqualTo(409);
            assertThat(problem.getDetail()).isEqualTo("assignment asg-1 is ACCEPTED");
            assertThat(problem.getRequestId()).isEqualTo("req-409");
        });
    }

    @Test
    void anAnswerThatIsNoProblemDocumentLeavesTheProblemEmpty() {
        // given: something in front of the gateway answers with its own page
        gateway.answer("GET /api/v1/assignments/asg-1",
                new Answer(502, java.util.Map.of("Content-Type", "text/html"), "<h1>Bad Gateway</h1>"));
        AssignmentsApi assignments = new AssignmentsApi(client("unit-token"));

        // when
        ApiException failed = catchThrowableOfType(ApiException.class, () -> assignments.getAssignment("asg-1"));

        // then
        assertThat(failed.getCode()).isEqualTo(502);
        assertThat(failed.getProblem()).isEmpty();
        assertThat(failed.getResponseBody()).isEqualTo("<h1>Bad Gateway</h1>");
    }

    @Test
    void sendsTheIdempotencyKeyOfACreatingCall() {
        // given
        gateway.answer("POST /api/v1/assignments/asg-1/progress", Answer.json(200, ACCEPTED));
        AssignmentsApi assignments = new AssignmentsApi(client("unit-token"));

        // when
        assignments.reportProgress("asg-1", new ProgressRequest().note("已约谈信访人"), "note-42");

        // then
        assertThat(gateway.lastRequest().idempotencyKey()).isEqualTo("note-42");
        assertThat(gateway.lastRequest().body()).isEqualTo("{\"note\":\"已约谈信访人\"}");
    }

    @Test
    void asksForTheTokenOnEveryCallSoThatARenewedTokenIsUsedAtOnce() {
        // given
        gateway.answer("GET /api/v1/assignments/asg-1", Answer.json(200, ACCEPTED));
        AtomicInteger renewals = new AtomicInteger();
        AssignmentsApi assignments = new AssignmentsApi(new DubanApiClient(gateway.url())
                .setBearerToken(() -> "token-" + renewals.incrementAndGet()));

        // when
        assignments.getAssignment("asg-1");
        assignments.getAssignment("asg-1");

        // then
        assertThat(gateway.requests()).extracting(FakeGateway.Request::authorization)
                .containsExactly("Bearer token-1", "Bearer token-2");
    }

    @Test
    void callsEveryApiThroughOneClientUnderTheGatewaysPathPrefix() {
        // given: the gateway published under a path, with a trailing slash in the address
        gateway.answer("GET /duban/api/v1/inbox", Answer.json(200, """
                {"items":[],"unread":0,"page":{"page":0,"size":50,"totalElements":0,"totalPages":0}}"""));
        gateway.answer("GET /duban/api/v1/alerts", Answer.json(200, """
                {"items":[],"page":{"page":0,"size":20,"totalElements":0,"totalPages":0}}"""));
        gateway.answer("GET /duban/api/v1/statistics", Answer.json(200, "{}"));
        ApiClient client = new DubanApiClient(gateway.url() + "/duban/").setBearerToken("unit-token");

        // when
        new InboxApi(client).listInbox(true, 0, 50);
        new AlertsApi(client).listAlerts(null, null, null, 0, 20);
        new StatisticsApi(client).getStatistics(LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1), null);

        // then
        assertThat(gateway.requests()).extracting(FakeGateway.Request::line).containsExactly(
                "GET /duban/api/v1/inbox?unread=true&page=0&size=50",
                "GET /duban/api/v1/alerts?page=0&size=20",
                "GET /duban/api/v1/statistics?from=2026-01-01&to=2027-01-01");
        assertThat(gateway.requests()).extracting(FakeGateway.Request::authorization).containsOnly("Bearer unit-token");
    }

    @Test
    void callsWithoutATokenWhenNoneIsSet() {
        // given
        gateway.answer("GET /api/v1/assignments/asg-1", Answer.problem(401, "urn:duban:problem:unauthenticated",
                "Unauthorized", "no token"));

        // when
        ApiException refused = catchThrowableOfType(ApiException.class,
                () -> new AssignmentsApi(new DubanApiClient(gateway.url())).getAssignment("asg-1"));

        // then
        assertThat(gateway.lastRequest().authorization()).isNull();
        assertThat(refused.getProblem()).map(problem -> problem.getType())
                .hasValue("urn:duban:problem:unauthenticated");
    }

    private ApiClient client(String token) {
        return new DubanApiClient(gateway.url()).setBearerToken(token);
    }
}
