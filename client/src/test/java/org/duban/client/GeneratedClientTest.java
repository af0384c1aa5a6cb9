package org.duban.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.duban.client.intake.ApiClient;
import org.duban.client.intake.api.AssignmentsApi;
import org.duban.client.intake.api.CasesApi;
import org.duban.client.intake.api.ProgressApi;
import org.duban.client.intake.model.AcceptAssignmentRequest;
import org.duban.client.intake.model.Assignment;
import org.duban.client.intake.model.AssignmentStatus;
import org.duban.client.intake.model.CasePage;
import org.duban.client.intake.model.CaseSummary;
import org.duban.client.intake.model.Category;
import org.duban.client.intake.model.Origin;
import org.duban.client.intake.model.ProgressStage;
import org.duban.client.intake.model.ProgressStep;
import org.duban.client.intake.model.PublicProgress;
import org.duban.client.intake.model.PublicProgressRequest;
import org.duban.client.intake.model.ReissuedQueryCode;
import org.duban.client.intake.model.UnitKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.HttpClientErrorException;

/** The generated client speaks the API as the contract says: paths, bearer token, JSON both ways, problems. */
class GeneratedClientTest {

    private HttpServer server;
    private final AtomicReference<String> lastRequest = new AtomicReference<>();

    @BeforeEach
    void fakeGateway() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/api/v1/assignments/asg-1/accept", exchange -> {
            lastRequest.set(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + exchange.getRequestHeaders().getFirst("Authorization") + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            answer(exchange, 200, "application/json", """
                    {"id":"asg-1","caseId":"case-1","unitId":"unit-1","kind":"ASSIGN","status":"ACCEPTED",
                     "issuedAt":"2024-03-01T02:00:00Z","acceptanceDueAt":"2024-03-16T16:00:00Z",
                     "dueAt":"2024-04-30T16:00:00Z","acceptedAt":"2024-03-02T01:00:00Z",
                     "noticeSentAt":"2024-03-02T00:30:00Z"}""");
        });
        server.createContext("/api/v1/cases", exchange -> {
            lastRequest.set(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawQuery());
            answer(exchange, 200, "application/json", """
                    {"items":[{"id":"case-1","title":"小区加装电梯纠纷","channel":"VISIT","origin":"CITY",
                     "category":"REAL_ESTATE","prominent":true,"whistleblowing":false,"firstTime":true,
                     "registeredAt":"2024-03-01T02:00:00Z"}],
                     "page":{"page":0,"size":20,"totalElements":1,"totalPages":1}}""");
        });
        server.createContext("/api/v1/public/progress", exchange -> {
            lastRequest.set(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + exchange.getRequestHeaders().getFirst("Authorization") + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            answer(exchange, 200, "application/json", """
                    {"stages":[{"stage":"REGISTERED","at":"2026-12-01T01:30:00Z"},
                     {"stage":"ASSIGNED","at":"2026-12-01T02:05:00Z","bodyKind":"SUB_DISTRICT"}],
                     "dueAt":"2027-01-30T16:00:00Z"}""");
        });
        server.createContext("/api/v1/cases/case-1/query-code", exchange -> {
            lastRequest.set(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + exchange.getRequestHeaders().getFirst("Authorization"));
            answer(exchange, 200, "application/json", """
                    {"caseId":"case-1","queryCode":"K7M2QX9PRT4W","reissuedAt":"2026-12-03T09:15:30Z"}""");
        });
        server.createContext("/api/v1/assignments/asg-2", exchange -> answer(exchange, 404,
                "application/problem+json",
                "{\"type\":\"urn:duban:problem:not-found\",\"title\":\"Not Found\",\"status\":404}"));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void acceptsAnAssignmentWithTheUnitsTokenAndReadsTheAnswer() {
        // given
        AssignmentsApi assignments = new AssignmentsApi(client("unit-token"));

        // when
        Assignment accepted = assignments.acceptAssignment("asg-1",
                new AcceptAssignmentRequest().noticeSentAt(OffsetDateTime.parse("2024-03-02T08:30:00+08:00")));

        // then
        assertThat(accepted.getStatus()).isEqualTo(AssignmentStatus.ACCEPTED);
        assertThat(accepted.getAcceptedAt()).isEqualTo(OffsetDateTime.parse("2024-03-02T01:00:00Z"));
        assertThat(lastRequest.get())
                .startsWith("POST /api/v1/assignments/asg-1/accept Bearer unit-token")
                .contains("\"noticeSentAt\"");
    }

    @Test
    void listsMattersWithTheConsolesFiltersAsTheContractSpellsThem() {
        // given
        CasesApi cases = new CasesApi(client("leader-token"));

        // when
        CasePage page = cases.listCases("电梯", List.of("case-1", "case-2"), Category.REAL_ESTATE, null, Origin.CITY,
                true, LocalDate.of(2024, 3, 1), LocalDate.of(2024, 4, 1), 0, 20);

        // then
        assertThat(page.getItems()).extracting(CaseSummary::getId).containsExactly("case-1");
        assertThat(page.getPage().getTotalElements()).isEqualTo(1);
        assertThat(URLDecoder.decode(lastRequest.get(), StandardCharsets.UTF_8)).isEqualTo("GET q=电梯"
                + "&ids=case-1,case-2&category=REAL_ESTATE&origin=CITY&prominent=true"
                + "&registeredFrom=2024-03-01&registeredTo=2024-04-01&page=0&size=20");
    }

    @Test
    void asksForThePublicProgressWithTheQueryCodeInTheBodyAndNoToken() {
        // given: a client that has a token sends none on a public call
        ProgressApi progress = new ProgressApi(client("some-token"));

        // when
        PublicProgress answer = progress.getPublicProgress(new PublicProgressRequest().queryCode("K7M2QX9PRT4W"));

        // then
        assertThat(answer.getStages()).extracting(ProgressStep::getStage)
                .containsExactly(ProgressStage.REGISTERED, ProgressStage.ASSIGNED);
        assertThat(answer.getStages().get(1).getBodyKind()).isEqualTo(UnitKind.SUB_DISTRICT);
        assertThat(answer.getDueAt()).isEqualTo(OffsetDateTime.parse("2027-01-30T16:00:00Z"));
        assertThat(lastRequest.get()).isEqualTo("POST /api/v1/public/progress null {\"queryCode\":\"K7M2QX9PRT4W\"}");
    }

    @Test
    void reissuesAQueryCodeWithTheSupervisorsToken() {
        // given
        CasesApi cases = new CasesApi(client("supervisor-token"));

        // when
        ReissuedQueryCode reissued = cases.reissueQueryCode("case-1");

        // then
        assertThat(reissued.getQueryCode()).isEqualTo("K7M2QX9PRT4W");
        assertThat(lastRequest.get()).isEqualTo("POST /api/v1/cases/case-1/query-code Bearer supervisor-token");
    }

    @Test
    void aProblemAnswerSurfacesAsAnExceptionCarryingTheProblemDocument() {
        // given
        AssignmentsApi assignments = new AssignmentsApi(client("unit-token"));

        // when / then
        assertThatThrownBy(() -> assignments.getAssignment("asg-2"))
                .isInstanceOf(HttpClientErrorException.NotFound.class)
                .satisfies(e -> assertThat(((HttpClientErrorException) e).getResponseBodyAsString())
                        .contains("urn:duban:problem:not-found"));
    }

    private ApiClient client(String token) {
        ApiClient client = new ApiClient();
        client.setBasePath("http://localhost:" + server.getAddress().getPort());
        client.setBearerToken(token);
        return client;
    }

    private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
