package org.duban.gateway.routing;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.stream.Stream;

import org.duban.gateway.testing.FakeService;
import org.duban.gateway.testing.RunningGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.gateway.testing.ProblemAssertions.assertProblem;
import static org.duban.gateway.testing.ProblemAssertions.json;
import static org.duban.gateway.testing.TokenFixtures.supervisorToken;

class RoutingTest extends RunningGateway {

    static Stream<Arguments> prefixes() {
        return Stream.of(
                Arguments.of("/api/v1/units", "intake-service"),
                Arguments.of("/api/v1/cases", "intake-service"),
                Arguments.of("/api/v1/assignments", "intake-service"),
                Arguments.of("/api/v1/public", "intake-service"),
                Arguments.of("/api/v1/lawyer-duty-sessions", "intake-service"),
                Arguments.of("/api/v1/lawyer-participations", "intake-service"),
                Arguments.of("/api/v1/supervisions", "supervision-service"),
                Arguments.of("/api/v1/recommendations", "supervision-service"),
                Arguments.of("/api/v1/measures", "supervision-service"),
                Arguments.of("/api/v1/alerts", "supervision-service"),
                Arguments.of("/api/v1/inbox", "notification-service"),
                Arguments.of("/api/v1/webhooks", "notification-service"),
                Arguments.of("/api/v1/deliveries", "notification-service"),
                Arguments.of("/api/v1/statistics", "reporting-service"),
                Arguments.of("/api/v1/reports", "reporting-service"),
                Arguments.of("/api/v1/timelines", "reporting-service"));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("prefixes")
    void forwardsThePrefixAndEverythingBelowItToItsServiceWithTokenAndRequestId(String prefix, String serviceName) {
        // given
        FakeService service = service(serviceName);
        String token = supervisorToken();

        for (String path : new String[] {prefix, prefix + "/42/detail?from=2024-01-01"}) {
            service.reset();

            // when
            HttpResponse<String> response = gateway.getWithToken(path, token);

            // then
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(json(response.body()).path("service").asString()).isEqualTo(serviceName);
            assertThat(service.received()).singleElement().satisfies(received -> {
                assertThat(received.pathAndQuery()).isEqualTo(path);
                assertThat(received.header("Authorization")).isEqualTo("Bearer " + token);
                assertThat(received.header("X-Request-Id"))
                        .isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
            });
        }
    }

    @Test
    void forwardsMethodAndBodyUnchanged() {
        // given
        String body = "{\"code\":\"U-1\",\"name\":\"东街街道\"}";

        // when
        HttpResponse<String> response = gateway.send(gateway.request("/api/v1/units")
                .header("Authorization", "Bearer " + supervisorToken())
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)));

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(INTAKE.received()).singleElement().satisfies(received -> {
            assertThat(received.method()).isEqualTo("POST");
            assertThat(received.body()).isEqualTo(body);
            assertThat(received.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
        });
    }

    @Test
    void tellsTheServiceTheCallersAddressInXForwardedForAndDropsAForgedOne() {
        // when: the public endpoint, no token; the caller forges an address
        HttpResponse<String> response = gateway.send(gateway.request("/api/v1/public/evaluations")
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", "203.0.113.99")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));

        // then: intake keys its rate limit on the first address, which is the caller's own
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(INTAKE.received()).singleElement().satisfies(received ->
                assertThat(received.header("X-Forwarded-For")).isEqualTo("127.0.0.1"));
    }

    @Test
    void dropsTheCallersOwnForwardedHeadersThatWouldOutrankTheGateways() {
        // when a caller (no trusted proxy) says in RFC 7239's Forwarded and in X-Forwarded-Host where it came from
        HttpResponse<String> response = gateway.send(gateway.request("/api/v1/units")
                .header("Authorization", "Bearer " + supervisorToken())
                .header("Forwarded", "for=203.0.113.99;host=evil.example;proto=https")
                .header("X-Forwarded-Host", "evil.example"));

        // then the service hears only the gateway's account
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(INTAKE.received()).singleElement().satisfies(received -> {
            assertThat(received.header("Forwarded")).isNull();
            assertThat(received.header("X-Forwarded-Host")).startsWith("localhost:").doesNotContain("evil");
            assertThat(received.header("X-Forwarded-For")).isEqualTo("127.0.0.1");
        });
    }

    @Test
    void passesAServiceConflictThroughUnchanged() {
        // given
        String conflict = "{\"type\":\"urn:duban:problem:state-conflict\",\"title\":\"Conflict\",\"status\":409,"
                + "\"detail\":\"The assignment is CONCLUDED.\",\"requestId\":\"r-1\"}";
        INTAKE.answer(409, Map.of("Content-Type", "application/problem+json", "X-Service-Header", "kept"), conflict);

        // when
        HttpResponse<String> response = gateway.getWithToken("/api/v1/assignments/a-1", supervisorToken());

        // then
        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.body()).isEqualTo(conflict);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("X-Service-Header")).hasValue("kept");
    }

    @Test
    void addsTheSecurityHeadersOfTheGatewayWhereTheServiceSentNone() {
        // given
        INTAKE.answer(200, Map.of("Content-Type", "application/json", "Cache-Control", "max-age=60"), "{}");

        // when
        HttpResponse<String> response = gateway.getWithToken("/api/v1/units", supervisorToken());

        // then
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("max-age=60");
        assertThat(response.headers().firstValue("Pragma")).isEmpty();
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(response.headers().firstValue("Connection")).isEmpty();
    }

    @Test
    void answersNotFoundProblemForAPathNoServiceServes() {
        // when
        HttpResponse<String> response = gateway.getWithToken("/api/v1/unitsx", supervisorToken());

        // then
        assertProblem(response, 404, "not-found");
        assertThat(INTAKE.received()).isEmpty();
    }

    @Test
    void answersNotFoundProblemForTheFallbackPathCalledDirectly() {
        // when
        HttpResponse<String> response = gateway.getWithToken("/fallback/intake-service", supervisorToken());

        // then
        assertProblem(response, 404, "not-found");
    }
}
