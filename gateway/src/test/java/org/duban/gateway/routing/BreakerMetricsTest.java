package org.duban.gateway.routing;

import java.net.http.HttpResponse;
import java.util.List;

import org.duban.gateway.testing.FakeService;
import org.duban.gateway.testing.GatewayClient;
import org.duban.gateway.testing.TokenFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.gateway.testing.TokenFixtures.supervisorToken;

/**
 * One scrape of the management port shows every route's breaker from start-up on. A context of its own (not
 * {@code RunningGateway}'s, shared with tests that call every route), so "from start-up" is what is seen.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class BreakerMetricsTest {

    private static final FakeService INTAKE = FakeService.start("intake-service");

    @LocalServerPort
    private int port;

    @LocalManagementPort
    private int managementPort;

    @Autowired
    private RoutingProperties routing;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("INTAKE_URL", INTAKE::url);
        TokenFixtures.register(registry);
    }

    @AfterAll
    static void stopService() {
        INTAKE.close();
    }

    @Test
    void exportsTheClosedStateOfEveryRoutesBreakerBeforeAnyCall() {
        // given
        List<String> breakers = breakerNamesOfTheRoutes();
        assertThat(breakers).contains("intake-service", "supervision-service", "notification-service",
                "reporting-service", "reporting-reports", "console");

        // when
        String scrape = scrape();

        // then
        for (String breaker : breakers) {
            assertThat(scrape).as(breaker).containsPattern(stateLine(breaker, "closed", "1"));
            assertThat(scrape).as(breaker).containsPattern(stateLine(breaker, "open", "0"));
            assertThat(scrape).as(breaker).containsPattern(stateLine(breaker, "half_open", "0"));
        }
        assertThat(INTAKE.received()).isEmpty();
    }

    @Test
    void bindsTheBreakersMetricsOnce(CapturedOutput output) {
        // when the context started (above), then no second binding of the same meters was refused
        assertThat(scrape()).contains("resilience4j_circuitbreaker_state");
        assertThat(output.getOut()).doesNotContain("has been already registered");
    }

    @Test
    void countsTheCallsThroughABreakerAndExportsNoBulkhead() {
        // given
        HttpResponse<String> answered = new GatewayClient(port).getWithToken("/api/v1/units", supervisorToken());
        assertThat(answered.statusCode()).isEqualTo(200);

        // when
        String scrape = scrape();

        // then
        assertThat(scrape).containsPattern("(?m)^resilience4j_circuitbreaker_calls_seconds_count\\{[^}]*"
                + "kind=\"successful\"[^}]*name=\"intake-service\"[^}]*} [1-9]");
        // Spring Cloud CircuitBreaker's bulkhead stays off (README: it opened the breakers of healthy services)
        assertThat(scrape).doesNotContain("resilience4j_bulkhead");
    }

    private List<String> breakerNamesOfTheRoutes() {
        return List.copyOf(routing.routes().keySet());
    }

    private static String stateLine(String breaker, String state, String value) {
        return "(?m)^resilience4j_circuitbreaker_state\\{[^}]*name=\"" + breaker + "\"[^}]*state=\"" + state
                + "\"[^}]*} " + value + "\\.0$";
    }

    private String scrape() {
        HttpResponse<String> response = new GatewayClient(managementPort).get("/actuator/prometheus");
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
