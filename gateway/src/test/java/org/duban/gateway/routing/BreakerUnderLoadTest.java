package org.duban.gateway.routing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.duban.gateway.testing.FakeService;
import org.duban.gateway.testing.GatewayClient;
import org.duban.gateway.testing.KeepAliveService;
import org.duban.gateway.testing.TokenFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.gateway.testing.ProblemAssertions.assertProblem;
import static org.duban.gateway.testing.TokenFixtures.supervisorToken;

/**
 * The breakers with their production settings (a 10 s window, 10 calls at least, 50 % failures) under
 * concurrent load: a service that is healthy but closes kept-alive connections under requests must never
 * see its breaker open, nor its callers a 503; a dead or a hanging service must see it open within seconds.
 * Intake keeps connections for three answers and closes each under the fourth request, answering after
 * 20 ms (so that dozens of calls are under way at once); supervision refuses connections; notification
 * hangs (its breaker's time limit: 1 s).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class BreakerUnderLoadTest {

    private static final int CLIENTS = 40;
    private static final int CALLS_EACH = 25;
    private static final KeepAliveService INTAKE = KeepAliveService.closingConnectionsAfter(3, Duration.ofMillis(20));
    private static final String REFUSING_URL = "http://127.0.0.1:" + freePort();
    private static final FakeService NOTIFICATION = FakeService.start("notification-service");

    @LocalServerPort
    private int port;

    @Autowired
    private CircuitBreakerRegistry breakers;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("INTAKE_URL", INTAKE::url);
        registry.add("SUPERVISION_URL", () -> REFUSING_URL);
        registry.add("NOTIFICATION_URL", NOTIFICATION::url);
        // only notification's breaker gives up after 1 s; intake has the default 10 s, as a busy machine may need
        registry.add("resilience4j.timelimiter.instances.notification-service.timeout-duration", () -> "1s");
        TokenFixtures.register(registry);
    }

    @AfterAll
    static void stopServices() {
        INTAKE.close();
        NOTIFICATION.close();
    }

    @Test
    void keepsTheBreakerClosedWhileAHealthyServiceClosesKeptAliveConnectionsUnderLoad(CapturedOutput output)
            throws Exception {
        // given
        String token = supervisorToken();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();

        // when
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Callable<Void>> work = IntStream.range(0, CLIENTS).<Callable<Void>>mapToObj(n -> () -> {
                for (int call = 0; call < CALLS_EACH; call++) {
                    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/units"))
                            .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(20)).build();
                    int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                    statuses.computeIfAbsent(status, any -> new AtomicInteger()).incrementAndGet();
                }
                return null;
            }).toList();
            for (Future<Void> done : clients.invokeAll(work)) {
                done.get();
            }
        } finally {
            clients.shutdownNow();
        }

        // then
        assertThat(statuses).containsOnlyKeys(200);
        assertThat(statuses.get(200)).hasValue(CLIENTS * CALLS_EACH);
        assertThat(INTAKE.closedUnderARequest()).as("connections closed under a request").isGreaterThan(CLIENTS);
        CircuitBreaker breaker = breakers.circuitBreaker("intake-service");
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isZero();
        assertThat(output.getOut()).contains("intake-service: GET /api/v1/units: the connection broke before an answer "
                + "(org.duban.gateway.routing.ServiceConnections$ClosedBeforeAnswer: "
                + "the connection was closed before an answer");
    }

    @Test
    void opensTheBreakerOfADeadServiceWithinSeconds(CapturedOutput output) {
        // given
        long started = System.nanoTime();

        // when
        for (int call = 0; call < 10; call++) {
            assertProblem(gateway().getWithToken("/api/v1/alerts", supervisorToken()), 503, "service-unavailable");
        }

        // then
        assertThat(breakers.circuitBreaker("supervision-service").getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(gateway().getWithToken("/api/v1/alerts", supervisorToken()).body()).contains("circuit breaker is open");
        assertThat(output.getOut()).contains("supervision-service is unavailable: it could not be reached (",
                "Connection refused");
    }

    @Test
    void opensTheBreakerOfAHangingServiceWithinSeconds() throws Exception {
        // given
        NOTIFICATION.hang();
        long started = System.nanoTime();

        // when ten callers at once, each given up on after the 1 s timeout
        ExecutorService callers = Executors.newFixedThreadPool(10);
        try {
            List<Future<HttpResponse<String>>> answers = callers.invokeAll(IntStream.range(0, 10)
                    .<Callable<HttpResponse<String>>>mapToObj(n -> () -> gateway().getWithToken("/api/v1/inbox",
                            supervisorToken()))
                    .toList());
            for (Future<HttpResponse<String>> answer : answers) {
                assertProblem(answer.get(), 503, "service-unavailable");
            }
        } finally {
            callers.shutdownNow();
        }

        // then
        assertThat(breakers.circuitBreaker("notification-service").getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        int reached = NOTIFICATION.received().size();
        assertThat(gateway().getWithToken("/api/v1/inbox", supervisorToken()).body()).contains("circuit breaker is open");
        assertThat(NOTIFICATION.received()).hasSize(reached);
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
