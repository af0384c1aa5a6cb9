package org.duban.gateway.security;

import java.net.http.HttpResponse;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.duban.gateway.testing.GatewayClient;
import org.duban.gateway.testing.RunningGateway;
import org.duban.gateway.testing.TokenFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.gateway.testing.ProblemAssertions.assertProblem;

class AuthenticationTest extends RunningGateway {

    @LocalServerPort
    private int publicPort;

    @LocalManagementPort
    private int managementPort;

    private GatewayClient management;

    @BeforeEach
    void managementClient() {
        assertThat(managementPort).as("the management port is not the public one").isNotEqualTo(publicPort);
        management = new GatewayClient(managementPort);
    }

    @Test
    void answersUnauthenticatedProblemWithoutAToken() {
        // when
        HttpResponse<String> response = gateway.get("/api/v1/cases");

        // then
        assertProblem(response, 401, "unauthenticated");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(INTAKE.received()).isEmpty();
    }

    @Test
    void answersUnauthenticatedProblemToAPostWithABodyAndNoToken() {
        // when
        HttpResponse<String> response = gateway.postJson("/api/v1/cases", "{\"title\":\"" + "x".repeat(20_000) + "\"}");

        // then
        assertProblem(response, 401, "unauthenticated");
        assertThat(INTAKE.received()).isEmpty();
    }

    static Stream<Arguments> badTokens() {
        return Stream.of(
                Arguments.of("expired", (Supplier<String>) TokenFixtures::expiredToken),
                Arguments.of("signed by another key", (Supplier<String>) TokenFixtures::tokenSignedByAnotherKey),
                Arguments.of("of another issuer", (Supplier<String>) TokenFixtures::tokenOfAnotherIssuer),
                Arguments.of("for another audience", (Supplier<String>) TokenFixtures::tokenForAnotherAudience),
                Arguments.of("mixing a unit with the office",
                        (Supplier<String>) TokenFixtures::tokenMixingAUnitWithTheOffice),
                Arguments.of("a unit's without its unit", (Supplier<String>) TokenFixtures::unitTokenWithoutItsUnit),
                Arguments.of("not a JWT", (Supplier<String>) () -> "not-a-jwt"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTokens")
    void answersUnauthenticatedProblemForABadToken(String kind, Supplier<String> token) {
        // when
        HttpResponse<String> response = gateway.getWithToken("/api/v1/statistics", token.get());

        // then
        assertProblem(response, 401, "unauthenticated");
        assertThat(REPORTING.received()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/public/evaluations", "/api/v1/public/progress"})
    void letsPublicCallsThroughWithoutAToken(String path) {
        // when: the petitioner's rating and progress, with the query code only
        HttpResponse<String> response = gateway.postJson(path,
                "{\"queryCode\":\"Q-1\",\"rating\":\"SATISFIED\"}");

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(INTAKE.received()).singleElement().satisfies(received -> {
            assertThat(received.pathAndQuery()).isEqualTo(path);
            assertThat(received.header("Authorization")).isNull();
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness",
            "/actuator/prometheus", "/actuator/info"})
    void servesHealthMetricsAndInfoOnTheManagementPortWithoutAToken(String path) {
        // when
        HttpResponse<String> response = management.get(path);

        // then
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/actuator/health", "/actuator/health/readiness", "/actuator/prometheus", "/actuator/info",
            "/actuator/env", "/actuator"})
    void answersActuatorPathsOnThePublicPortWithNotFound(String path) {
        // when
        HttpResponse<String> withoutToken = gateway.get(path);
        HttpResponse<String> withToken = gateway.getWithToken(path, TokenFixtures.supervisorToken());

        // then
        assertProblem(withoutToken, 404, "not-found");
        assertProblem(withToken, 404, "not-found");
        assertThat(CONSOLE.received()).isEmpty();
    }

    @Test
    void keepsOtherActuatorEndpointsClosedOnTheManagementPort() {
        // when
        HttpResponse<String> response = management.get("/actuator/env");

        // then
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).doesNotContain("systemEnvironment");
    }

    @Test
    void theManagementPortRoutesNothingToTheServices() {
        // when
        HttpResponse<String> api = management.getWithToken("/api/v1/statistics", TokenFixtures.supervisorToken());
        HttpResponse<String> page = management.get("/board");

        // then
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(REPORTING.received()).isEmpty();
        assertThat(CONSOLE.received()).isEmpty();
    }
}
