package org.duban.gateway.problem;

import java.util.stream.Stream;

import org.duban.gateway.testing.FakeService;
import org.duban.gateway.testing.RawHttp;
import org.duban.gateway.testing.RunningGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.gateway.testing.ProblemAssertions.assertProblem;
import static org.duban.gateway.testing.TokenFixtures.supervisorToken;

/**
 * Request targets a service could read differently from the gateway, or not at all, sent byte for byte over a
 * socket: each is refused before routing, with a problem document like every other error of the gateway.
 */
class MalformedRequestTest extends RunningGateway {

    static Stream<Arguments> malformedTargets() {
        return Stream.of(
                Arguments.of("an encoded NUL", "/api/v1/units/u-1%00.json", "path"),
                Arguments.of("an encoded ../", "/api/v1/units/%2e%2e%2fcases", "path"),
                Arguments.of("a plain .. segment", "/api/v1/units/../cases", "path"),
                Arguments.of("a ; matrix parameter", "/api/v1/units;jsessionid=1/u-1", "path"),
                Arguments.of("a ; in the last segment", "/api/v1/units/u-1;x=y", "path"),
                Arguments.of("an empty segment //", "/api/v1//units", "path"),
                Arguments.of("a leading //", "//api/v1/units", "path"),
                Arguments.of("an encoded slash %2F", "/api/v1/units%2Fu-1", "path"),
                Arguments.of("an encoded slash %2f", "/api/v1/units/a%2fb", "path"),
                Arguments.of("a backslash", "/api/v1/units\\u-1", "path"),
                Arguments.of("an encoded backslash", "/api/v1/units/%5cu-1", "path"),
                Arguments.of("an encoded %", "/api/v1/units/%25", "path"),
                Arguments.of("an encoded CR LF", "/api/v1/units/%0d%0aSet-Cookie:x", "path"),
                Arguments.of("a malformed escape", "/api/v1/units/%zz", "path"),
                Arguments.of("a lone %", "/api/v1/units/%", "path"),
                Arguments.of("a malformed escape in the query", "/api/v1/units?q=%zz", "query"),
                Arguments.of("a ; on a console path", "/board;jsessionid=1", "path"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("malformedTargets")
    void refusesAMalformedTargetWithAnInvalidRequestProblemNamingIt(String kind, String target, String field) {
        // when
        RawHttp.Answer answer = raw.get(target, "Authorization: Bearer " + supervisorToken());

        // then
        JsonNode problem = assertProblem(answer, 400, "invalid-request");
        assertThat(problem.path("errors").findValuesAsString("field")).containsExactly(field);
        assertNothingForwarded();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("malformedTargets")
    void refusesAMalformedTargetBeforeAskingForAToken(String kind, String target, String field) {
        // when
        RawHttp.Answer answer = raw.get(target);

        // then
        assertProblem(answer, 400, "invalid-request");
        assertNothingForwarded();
    }

    @Test
    void keepsTheCallersRequestIdOnARefusal() {
        // when: one refused by Spring Security's firewall, one Spring could not even parse
        RawHttp.Answer firewalled = raw.get("/api/v1/units/%00", "X-Request-Id: malformed-1");
        RawHttp.Answer unparseable = raw.get("/api/v1/units\\1", "X-Request-Id: malformed-2");

        // then
        assertThat(assertProblem(firewalled, 400, "invalid-request").path("requestId").asString())
                .isEqualTo("malformed-1");
        assertThat(assertProblem(unparseable, 400, "invalid-request").path("requestId").asString())
                .isEqualTo("malformed-2");
    }

    @Test
    void refusesARequestLineThatIsNotHttpWithAProblem() {
        // when: a raw space splits the target
        RawHttp.Answer answer = raw.send("GET /api/v1/units/a b HTTP/1.1", new String[0], out -> { });

        // then
        JsonNode problem = assertProblem(answer, 400, "invalid-request");
        assertThat(problem.path("errors").findValuesAsString("field")).containsExactly("request");
        assertNothingForwarded();
    }

    @Test
    void refusesATooLongTargetWithAProblemRatherThanAnEmpty414() {
        // when
        RawHttp.Answer answer = raw.get("/api/v1/units/" + "x".repeat(5000), "Authorization: Bearer " + supervisorToken());

        // then
        assertProblem(answer, 414, "client-error");
        assertNothingForwarded();
    }

    @Test
    void refusesAnUnusualMethodWithAMethodNotAllowedProblem() {
        // when
        RawHttp.Answer answer = raw.send("TRACK /api/v1/units HTTP/1.1",
                new String[] {"Authorization: Bearer " + supervisorToken()}, out -> { });

        // then
        assertProblem(answer, 405, "method-not-allowed");
        assertNothingForwarded();
    }

    @Test
    void stillForwardsAWellFormedPathWithEncodedCharactersUnchanged() {
        // when
        RawHttp.Answer answer = raw.get("/api/v1/units/%E4%B8%9C%E8%A1%97?q=a%20b", "Authorization: Bearer " + supervisorToken());

        // then
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(INTAKE.received()).singleElement()
                .satisfies(received -> assertThat(received.pathAndQuery()).isEqualTo("/api/v1/units/%E4%B8%9C%E8%A1%97?q=a%20b"));
    }

    private static void assertNothingForwarded() {
        for (FakeService service : new FakeService[] {INTAKE, SUPERVISION, NOTIFICATION, REPORTING, CONSOLE}) {
            assertThat(service.received()).isEmpty();
        }
    }
}
