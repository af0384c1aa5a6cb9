package org.duban.gateway.routing;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.duban.gateway.testing.GatewayClient;
import org.duban.gateway.testing.KeepAliveService;
import org.duban.gateway.testing.TokenFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.gateway.testing.ProblemAssertions.assertProblem;
import static org.duban.gateway.testing.TokenFixtures.supervisorToken;

/**
 * The gateway's own limit: at most two connections to a service, a call waiting at most 300 ms for one.
 * Calls beyond that are answered 503 at once, and they are the gateway's saturation, not the service's
 * failures: its breaker (here opening after 4 calls at 50 %) stays closed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewaySaturationTest {

    private static final KeepAliveService INTAKE = KeepAliveService.answeringAfter(Duration.ofMillis(1500));

    @LocalServerPort
    private int port;

    @Autowired
    private CircuitBreakerRegistry breakers;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("INTAKE_URL", INTAKE::url);
        registry.add("DUBAN_GATEWAY_POOL_MAX_CONNECTIONS", () -> "2");
        registry.add("DUBAN_GATEWAY_POOL_ACQUIRE_TIMEOUT_MS", () -> "300");
        registry.add("DUBAN_BREAKER_MINIMUM_CALLS", () -> "4");
        TokenFixtures.register(registry);
    }

    @AfterAll
    static void stopService() {
        INTAKE.close();
    }

    @Test
    void answersCallsBeyondItsConnectionsBusyWithoutCountingThemAgainstTheService() throws Exception {
        // when ten callers at once
        ExecutorService callers = Executors.newFixedThreadPool(10);
        List<HttpResponse<String>> answers;
        try {
            answers = callers.invokeAll(IntStream.range(0, 10)
                            .<Callable<HttpResponse<String>>>mapToObj(n -> () -> new GatewayClient(port)
                                    .getWithToken("/api/v1/units", supervisorToken()))
                            .toList())
                    .stream().map(GatewaySaturationTest::answer).toList();
        } finally {
            callers.shutdownNow();
        }

        // then two were served, the others refused by the gateway itself
        assertThat(answers).filteredOn(answer -> answer.statusCode() == 200).hasSize(2);
        List<HttpResponse<String>> refused = answers.stream().filter(answer -> answer.statusCode() != 200).toList();
        assertThat(refused).hasSize(8).allSatisfy(answer -> {
            JsonNode problem = assertProblem(answer, 503, "service-unavailable");
            assertThat(problem.path("detail").asString())
                    .contains("intake-service", "the gateway has too many calls to it under way");
        });
        CircuitBreaker breaker = breakers.circuitBreaker("intake-service");
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isZero();
        assertThat(INTAKE.connections()).isEqualTo(2);
    }

    private static HttpResponse<String> answer(Future<HttpResponse<String>> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
