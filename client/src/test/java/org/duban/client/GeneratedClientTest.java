package org.duban.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.duban.client.intake.ApiClient;
import org.duban.client.intake.api.AssignmentsApi;
import org.duban.client.intake.model.AcceptAssignmentRequest;
import org.duban.client.intake.model.Assignment;
import org.duban.client.intake.model.AssignmentStatus;
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
