package org.duban.gateway.security;

import java.net.http.HttpResponse;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.duban.gateway.testing.RunningGateway;
import org.duban.gateway.testing.TokenFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.gateway.testing.ProblemAssertions.assertProblem;

class AuthenticationTest extends RunningGateway {

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
    void servesHealthMetricsAndInfoWithoutAToken(String path) {
        // when
        HttpResponse<String> response = gateway.get(path);

        // then
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void keepsOtherActuatorEndpointsClosed() {
        // when
        HttpResponse<String> response = gateway.get("/actuator/env");

        // then
        assertProblem(response, 401, "unauthenticated");
    }
}
