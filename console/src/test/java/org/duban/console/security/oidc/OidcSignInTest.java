package org.duban.console.security.oidc;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in outside the local profile, through the real authorization-code flow against a stub identity
 * provider (mock-oauth2-server) and a browser-like client that follows every redirect by hand and keeps
 * cookies: the console ends up calling the platform with the provider's access token, maps roles and the
 * unit from the claims, refuses a user without a platform role, and signs out at the provider too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OidcSignInTest {

    private static final String ISSUER = "office";
    private static final MockOAuth2Server PROVIDER = new MockOAuth2Server();
    private static final FakeGateway GATEWAY = FakeGateway.start();

    static {
        PROVIDER.start();
    }

    @LocalServerPort
    private int port;

    private HttpClient browser;

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        registry.add("duban.console.oidc.issuer-uri", () -> PROVIDER.issuerUrl(ISSUER).toString());
        registry.add("duban.console.oidc.client-id", () -> "duban-console");
        registry.add("duban.console.oidc.client-secret", () -> "console-secret");
        registry.add("duban.console.gateway-url", GATEWAY::url);
    }

    @AfterAll
    static void stop() {
        PROVIDER.shutdown();
        GATEWAY.close();
    }

    @BeforeEach
    void freshBrowser() {
        browser = HttpClient.newBuilder().cookieHandler(new PlainHttpCookies()).followRedirects(HttpClient.Redirect.NEVER)
                .build();
        GATEWAY.authorizations().clear();
    }

    @Test
    void aSupervisorSignsInAtTheProviderAndTheConsoleCallsThePlatformWithTheProvidersAccessToken() throws Exception {
        // given
        PROVIDER.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER, "zhang.wei", "JWT", List.of("duban"),
                Map.of("roles", List.of("SUPERVISOR"), "name", "张伟"), 3600));

        // when
        HttpResponse<String> board = follow(get("/board"));

        // then
        assertThat(board.statusCode()).isEqualTo(200);
        assertThat(board.uri().getPath()).isEqualTo("/board");
        Document page = Jsoup.parse(board.body());
        assertThat(page.select(".masthead__who").text()).contains("督查督办科", "张伟");
        assertThat(GATEWAY.authorizations()).isNotEmpty().allSatisfy(authorization ->
                assertThat(authorization).startsWith("Bearer ey"));
        assertThat(board.body()).doesNotContain(GATEWAY.authorizations().get(0).substring(7));
    }

    @Test
    void aUnitsStaffIsMappedToTheirUnitFromTheClaims() throws Exception {
        // given
        PROVIDER.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER, "wang.fang", "JWT", List.of("duban"),
                Map.of("roles", List.of("UNIT"), "unitId", "unit-cg"), 3600));

        // when
        HttpResponse<String> landed = follow(get("/"));

        // then
        assertThat(landed.uri().getPath()).as("a unit starts at its desk").startsWith("/desk");
    }

    @Test
    void aUserWithoutAPlatformRoleIsToldWhyAndNotSignedIn() throws Exception {
        // given
        PROVIDER.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER, "visitor", "JWT", List.of("duban"),
                Map.of("roles", List.of("EVERYONE")), 3600));

        // when
        HttpResponse<String> refused = follow(get("/board"));

        // then
        assertThat(refused.uri().getPath()).isEqualTo("/signin");
        assertThat(Jsoup.parse(refused.body()).select(".error-summary").text()).contains("无法登录");
        assertThat(GATEWAY.authorizations()).isEmpty();
    }

    @Test
    void aUserWhoseClaimsMixAUnitWithAnOfficeRoleIsRefused() throws Exception {
        // given
        PROVIDER.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER, "mixed", "JWT", List.of("duban"),
                Map.of("roles", List.of("UNIT", "SUPERVISOR"), "unitId", "unit-cg"), 3600));

        // when
        HttpResponse<String> refused = follow(get("/board"));

        // then
        assertThat(refused.uri().getPath()).isEqualTo("/signin");
        assertThat(refused.body()).contains("mixes the role UNIT with an office role");
    }

    @Test
    void signingOutEndsTheProvidersSessionTooAndComesBackToTheSignedOutPage() throws Exception {
        // given
        PROVIDER.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER, "zhang.wei", "JWT", List.of("duban"),
                Map.of("roles", List.of("SUPERVISOR")), 3600));
        Document board = Jsoup.parse(follow(get("/board")).body());
        String csrf = board.select("meta[name=csrf-token]").attr("content");

        // when
        HttpResponse<String> signedOut = browser.send(HttpRequest.newBuilder(console("/signout"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrf)).build(), HttpResponse.BodyHandlers.ofString());

        // then
        String endSession = signedOut.headers().firstValue("Location").orElseThrow();
        assertThat(endSession).startsWith(PROVIDER.issuerUrl(ISSUER).toString()).contains("endsession")
                .contains("id_token_hint=").contains("post_logout_redirect_uri=");
        HttpResponse<String> afterwards = browser.send(get("/board"), HttpResponse.BodyHandlers.ofString());
        assertThat(afterwards.headers().firstValue("Location")).as("the console's session is gone")
                .hasValueSatisfying(location -> assertThat(location).endsWith("/oauth2/authorization/office"));
    }

    @Test
    void theSessionCookieIsSecureHttpOnlyAndSameSiteOutsideTheLocalProfile() throws Exception {
        // when
        HttpResponse<String> signIn = browser.send(get("/board"), HttpResponse.BodyHandlers.ofString());

        // then
        String cookie = signIn.headers().allValues("Set-Cookie").stream()
                .filter(header -> header.startsWith("DUBAN_CONSOLE=")).findFirst().orElseThrow();
        assertThat(cookie).contains("; Secure").contains("; HttpOnly").contains("; SameSite=Lax").contains("Path=/");
    }

    @Test
    void thePagesCarryTheContentSecurityPolicyWithTheProviderAllowedAsAFormTarget() throws Exception {
        // when
        HttpResponse<String> signIn = browser.send(get("/signin"), HttpResponse.BodyHandlers.ofString());

        // then
        String origin = "http://localhost:" + PROVIDER.url("/").port();
        assertThat(signIn.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("script-src 'self'").contains("style-src 'self'").contains("form-action 'self' " + origin);
    }

    /**
     * A browser's cookies as they would travel over the office's HTTPS: the console's session cookie is
     * Secure outside the local profile, and this test talks plain HTTP to it, so the jar sends a cookie
     * back to the host and port that set it whatever its Secure flag.
     */
    private static final class PlainHttpCookies extends CookieHandler {

        private final Map<String, Map<String, String>> byOrigin = new ConcurrentHashMap<>();

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) {
            Map<String, String> cookies = byOrigin.getOrDefault(uri.getHost() + ":" + uri.getPort(), Map.of());
            if (cookies.isEmpty()) {
                return Map.of();
            }
            return Map.of("Cookie", List.of(String.join("; ", cookies.entrySet().stream()
                    .map(cookie -> cookie.getKey() + "=" + cookie.getValue()).toList())));
        }

        @Override
        public void put(URI uri, Map<String, List<String>> headers) {
            Map<String, String> cookies = byOrigin.computeIfAbsent(uri.getHost() + ":" + uri.getPort(),
                    origin -> new ConcurrentHashMap<>());
            headers.forEach((name, values) -> {
                if ("Set-Cookie".equalsIgnoreCase(name)) {
                    for (String value : values) {
                        String pair = value.split(";", 2)[0];
                        int equals = pair.indexOf('=');
                        String cookie = pair.substring(0, equals).strip();
                        String content = pair.substring(equals + 1).strip();
                        if (value.toLowerCase().contains("max-age=0") || content.isEmpty()) {
                            cookies.remove(cookie);
                        } else {
                            cookies.put(cookie, content);
                        }
                    }
                }
            });
        }
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(console(path)).GET().build();
    }

    private URI console(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** Follows redirects like a browser, across the console and the provider, keeping cookies. */
    private HttpResponse<String> follow(HttpRequest first) throws IOException, InterruptedException {
        HttpResponse<String> response = browser.send(first, HttpResponse.BodyHandlers.ofString());
        for (int hops = 0; hops < 10 && response.statusCode() / 100 == 3; hops++) {
            URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
            response = browser.send(HttpRequest.newBuilder(next).GET().build(), HttpResponse.BodyHandlers.ofString());
        }
        return response;
    }
}
