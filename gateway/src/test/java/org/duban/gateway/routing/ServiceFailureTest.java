package org.duban.gateway.routing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.duban.gateway.testing.FakeService;
import org.duban.gateway.testing.GatewayClient;
import org.duban.gateway.testing.TokenFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.gateway.testing.ProblemAssertions.assertProblem;
import static org.duban.gateway.testing.TokenFixtures.supervisorToken;

/**
 * Each service fails in its own way here: intake refuses connections, supervision hangs, notification
 * drops connections until its breaker opens, reporting answers its own errors. Timeout 1.5 s; a breaker
 * opens after 4 calls of which half failed, and stays open for the test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class ServiceFailureTest {

    // not the TimeLimiter's own default of 1 s, so the test shows the setting is applied
    private static final Duration TIMEOUT = Duration.ofMillis(1500);
    private static final String REFUSING_URL = "http://127.0.0.1:" + freePort();
    private static final FakeService SUPERVISION = FakeService.start("supervision-service");
    private static final FakeService NOTIFICATION = FakeService.start("notification-service");
    private static final FakeService REPORTING = FakeService.start("reporting-service");

    @LocalServerPort
    private int port;

    @Autowired
    private CircuitBreakerRegistry breakers;

    @DynamicPropertySource
    static void failingServices(DynamicPropertyRegistry registry) {
        registry.add("INTAKE_URL", () -> REFUSING_URL);
        registry.add("SUPERVISION_URL", SUPERVISION::url);
        registry.add("NOTIFICATION_URL", NOTIFICATION::url);
        registry.add("REPORTING_URL", REPORTING::url);
        TokenFixtures.register(registry);
        registry.add("DUBAN_GATEWAY_TIMEOUT", TIMEOUT::toString);
        registry.add("DUBAN_BREAKER_WINDOW", () -> "4");
        registry.add("DUBAN_BREAKER_MINIMUM_CALLS", () -> "4");
        registry.add("DUBAN_BREAKER_OPEN_FOR", () -> "5m");
    }

    @AfterAll
    static void stopServices() {
        SUPERVISION.close();
        NOTIFICATION.close();
        REPORTING.close();
    }

    @Test
    void answersServiceUnavailableProblemWhenTheServiceRefusesConnections(CapturedOutput output) {
        // when
        HttpResponse<String> response = gateway().getWithToken("/api/v1/cases/c-1", supervisorToken());

        // then
        JsonNode problem = assertProblem(response, 503, "service-unavailable");
        assertThat(problem.path("detail").asString()).contains("intake-service");
        String requestId = problem.path("requestId").asString();
        assertThat(output.getOut()).containsPattern(",[0-9a-f]{32},[0-9a-f]{16}," + requestId + "\\] .*intake-service is unavailable");
    }

    @Test
    void answersServiceUnavailableProblemWhenTheServiceDoesNotAnswerInTime() {
        // given a hanging service, and a first call that pays for loading the code of this path (slow on a busy machine)
        SUPERVISION.hang();
        assertProblem(gateway().getWithToken("/api/v1/alerts", supervisorToken()), 503, "service-unavailable");
        long started = System.nanoTime();

        // when
        HttpResponse<String> response = gateway().getWithToken("/api/v1/alerts", supervisorToken());

        // then
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        JsonNode problem = assertProblem(response, 503, "service-unavailable");
        assertThat(problem.path("detail").asString()).contains("supervision-service", "did not answer within 1500 ms");
        assertThat(took).isBetween(TIMEOUT, TIMEOUT.plusSeconds(3));
        assertThat(SUPERVISION.received()).hasSize(2);
    }

    @Test
    void stopsCallingAServiceWhoseBreakerIsOpen() {
        // given a service that dropped the connection often enough to open its breaker
        NOTIFICATION.dropConnections();
        for (int call = 0; call < 4; call++) {
            assertProblem(gateway().getWithToken("/api/v1/inbox", supervisorToken()), 503, "service-unavailable");
        }
        NOTIFICATION.reset();

        // when
        HttpResponse<String> response = gateway().getWithToken("/api/v1/inbox", supervisorToken());

        // then
        JsonNode problem = assertProblem(response, 503, "service-unavailable");
        assertThat(problem.path("detail").asString()).contains("notification-service", "circuit breaker is open");
        assertThat(NOTIFICATION.received()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {404, 409, 500})
    void passesAServicesOwnErrorsThroughWithoutOpeningItsBreaker(int status) {
        // given
        String body = "{\"status\":" + status + "}";
        REPORTING.answer(status, Map.of("Content-Type", "application/problem+json"), body);

        for (int call = 0; call < 6; call++) {
            // when
            HttpResponse<String> response = gateway().getWithToken("/api/v1/statistics", supervisorToken());

            // then
            assertThat(response.statusCode()).isEqualTo(status);
            assertThat(response.body()).isEqualTo(body);
        }
    }

    @Test
    void aCallerWhoBreaksOffItsUploadIsNotTheServicesFailure(CapturedOutput output) throws Exception {
        // given callers who each send a head and a part of the body they announced, then close their connection,
        // as many of them as open a breaker when each is counted a failure
        REPORTING.reset();
        for (int caller = 0; caller < 6; caller++) {
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                OutputStream out = socket.getOutputStream();
                out.write(("POST /api/v1/statistics HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                        + supervisorToken() + "\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n"
                        + "{\"a\":\"").getBytes(StandardCharsets.ISO_8859_1));
                out.write(new byte[20_000]);
                out.flush();
                // the gateway has begun the call and streams the body to the service
                TimeUnit.MILLISECONDS.sleep(300);
            }
        }

        // when
        HttpResponse<String> response = gateway().getWithToken("/api/v1/statistics", supervisorToken());

        // then the service is called as ever: the callers' broken bodies were no failure of its, and no one said it
        // was unavailable
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(breakers.circuitBreaker("reporting-service").getMetrics().getNumberOfFailedCalls()).isZero();
        assertThat(output.getOut()).doesNotContain("reporting-service is unavailable")
                .contains("POST /api/v1/statistics -> 400");
    }

    private GatewayClient gateway() {
        return new GatewayClient(port);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
