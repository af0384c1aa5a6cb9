package org.duban.gateway.routing;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.duban.gateway.testing.RunningGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.gateway.testing.ProblemAssertions.assertProblem;
import static org.duban.gateway.testing.TokenFixtures.supervisorToken;

class ConsoleRoutingTest extends RunningGateway {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/", "/signin", "/board", "/board/lines?kind=ASSIGNMENT", "/matters/c-1/receipt",
        "/desk/assignments/a-1", "/statistics/report?year=2026&format=docx", "/lawyers/participations?kind=MEDIATION",
        "/css/console.css",
        "/webjars/htmx.org/dist/htmx.min.js", "/login/oauth2/code/office?code=x&state=y"})
    void servesTheConsoleAtTheRootWithoutABearerToken(String path) {
        // when
        HttpResponse<String> response = gateway.get(path);

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(CONSOLE.received()).singleElement().satisfies(received -> {
            assertThat(received.pathAndQuery()).isEqualTo(path);
            assertThat(received.header("X-Forwarded-Host")).as("the console builds its redirects from it")
                    .startsWith("localhost:");
            assertThat(received.header("X-Request-Id")).isNotBlank();
        });
        assertThat(INTAKE.received()).isEmpty();
    }

    @Test
    void passesTheSessionCookieBothWaysAndTheFormUnchanged() {
        // given
        CONSOLE.answer(302, Map.of("Location", "/board", "Set-Cookie", "DUBAN_CONSOLE=s2; Path=/; HttpOnly"), "");

        // when
        HttpResponse<String> response = gateway.send(gateway.request("/signin")
                .header("Cookie", "DUBAN_CONSOLE=s1")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("subject=zhang.wei&role=SUPERVISOR&_csrf=t")));

        // then
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Set-Cookie")).hasValue("DUBAN_CONSOLE=s2; Path=/; HttpOnly");
        assertThat(CONSOLE.received()).singleElement().satisfies(received -> {
            assertThat(received.header("Cookie")).isEqualTo("DUBAN_CONSOLE=s1");
            assertThat(received.body()).isEqualTo("subject=zhang.wei&role=SUPERVISOR&_csrf=t");
        });
    }

    @Test
    void keepsAnUnknownApiPathANotFoundProblemOfTheGateway() {
        // when
        HttpResponse<String> response = gateway.getWithToken("/api/v1/boardx", supervisorToken());

        // then
        assertProblem(response, 404, "not-found");
        assertThat(CONSOLE.received()).isEmpty();
    }

    @Test
    void stillAsksATokenForTheApi() {
        // when
        HttpResponse<String> response = gateway.get("/api/v1/units");

        // then
        assertProblem(response, 401, "unauthenticated");
        assertThat(CONSOLE.received()).isEmpty();
    }

    @Test
    void refusesABearerTokenThatIsSentAndNotValidOnAConsolePathToo() {
        // when
        HttpResponse<String> response = gateway.getWithToken("/board", "not-a-jwt");

        // then
        assertProblem(response, 401, "unauthenticated");
        assertThat(CONSOLE.received()).isEmpty();
    }

    @Test
    void answersAPathNeitherTheApiNorTheConsoleServesWithANotFoundProblem() {
        // when
        HttpResponse<String> response = gateway.get("/wp-admin/setup.php");

        // then
        assertProblem(response, 404, "not-found");
        assertThat(CONSOLE.received()).isEmpty();
    }

    @Test
    void answersServiceUnavailableWhenTheConsoleIsDown() {
        // given
        CONSOLE.dropConnections();

        // when
        HttpResponse<String> response = gateway.get("/board");

        // then
        assertProblem(response, 503, "service-unavailable");
        assertThat(response.body()).contains("console is unavailable");
    }
}
