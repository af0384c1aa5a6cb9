package org.duban.gateway.requestid;

import java.net.http.HttpResponse;
import java.util.UUID;

import org.duban.gateway.testing.RunningGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.gateway.testing.ProblemAssertions.assertProblem;
import static org.duban.gateway.testing.TokenFixtures.supervisorToken;

class RequestIdTest extends RunningGateway {

    @ParameterizedTest
    @ValueSource(strings = {"a", "req-2024.11_28-ABC", "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
            + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"})
    void keepsAWellFormedRequestIdAndPassesItOn(String requestId) {
        // when
        HttpResponse<String> response = gateway.send(gateway.request("/api/v1/cases")
                .header("Authorization", "Bearer " + supervisorToken())
                .header("X-Request-Id", requestId));

        // then
        assertThat(response.headers().firstValue("X-Request-Id")).hasValue(requestId);
        assertThat(INTAKE.received()).singleElement()
                .satisfies(received -> assertThat(received.header("X-Request-Id")).isEqualTo(requestId));
    }

    @Test
    void makesAUuidWhenNoRequestIdCame() {
        // when
        HttpResponse<String> response = gateway.getWithToken("/api/v1/cases", supervisorToken());

        // then
        String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(UUID.fromString(requestId)).hasToString(requestId);
        assertThat(UUID.fromString(requestId).version()).as("a random UUID").isEqualTo(4);
        assertThat(INTAKE.received()).singleElement()
                .satisfies(received -> assertThat(received.header("X-Request-Id")).isEqualTo(requestId));
    }

    @ParameterizedTest
    @ValueSource(strings = {"with space", "semi;colon", "slash/y", "0123456789abcdef0123456789abcdef0123456789abcdef"
            + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef-129"})
    void replacesAMalformedRequestIdWithAUuid(String malformed) {
        // when
        HttpResponse<String> response = gateway.send(gateway.request("/api/v1/cases")
                .header("Authorization", "Bearer " + supervisorToken())
                .header("X-Request-Id", malformed));

        // then
        String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(UUID.fromString(requestId)).hasToString(requestId);
        assertThat(INTAKE.received()).singleElement()
                .satisfies(received -> assertThat(received.header("X-Request-Id")).isEqualTo(requestId));
    }

    @Test
    void returnsTheRequestIdOnTheGatewaysOwnErrors() {
        // when
        HttpResponse<String> response = gateway.send(gateway.request("/api/v1/cases")
                .header("X-Request-Id", "no-token-call"));

        // then
        assertThat(response.headers().firstValue("X-Request-Id")).hasValue("no-token-call");
        assertProblem(response, 401, "unauthenticated");
    }
}
