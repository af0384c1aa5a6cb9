package org.duban.gateway.tls;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.duban.gateway.testing.RunningGateway;
import org.duban.gateway.testing.TokenFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The gateway with a TLS port beside its plain one, as compose runs it: the certificate and key are PEM
 * files (here a test pair for localhost); a browser reaches the API and the console over HTTPS, and the
 * console learns the scheme from the gateway.
 */
@TestPropertySource(properties = {
    "DUBAN_GATEWAY_TLS_PORT=0",
    "DUBAN_GATEWAY_TLS_CERTIFICATE_LOCATION=classpath:tls/gateway-test-cert.pem",
    "DUBAN_GATEWAY_TLS_PRIVATE_KEY_LOCATION=classpath:tls/gateway-test-key.pem"})
class TlsPortTest extends RunningGateway {

    @Autowired
    private TlsPort tls;

    @Test
    void routesTheApiOverTlsWithTheGivenCertificate() throws Exception {
        // when
        HttpResponse<String> response = trustingTheTestCertificate().send(HttpRequest.newBuilder(
                        URI.create("https://localhost:" + tls.port() + "/api/v1/statistics"))
                .header("Authorization", "Bearer " + TokenFixtures.supervisorToken()).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        // then
        assertThat(tls.port()).isPositive();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.sslSession()).hasValueSatisfying(session ->
                assertThat(session.getProtocol()).isIn("TLSv1.3", "TLSv1.2"));
        assertThat(REPORTING.received()).singleElement()
                .satisfies(received -> assertThat(received.header("X-Forwarded-Proto")).isEqualTo("https"));
    }

    @Test
    void tellsTheConsoleThatTheBrowserCameOverHttps() throws Exception {
        // when
        HttpResponse<String> response = trustingTheTestCertificate().send(HttpRequest.newBuilder(
                URI.create("https://localhost:" + tls.port() + "/board")).GET().build(), HttpResponse.BodyHandlers.ofString());

        // then: the console builds its redirects and the identity provider's callback from these
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(CONSOLE.received()).singleElement().satisfies(received -> {
            assertThat(received.header("X-Forwarded-Proto")).isEqualTo("https");
            assertThat(received.header("X-Forwarded-Host")).isEqualTo("localhost:" + tls.port());
        });
    }

    @Test
    void refusesPlainHttpOnTheTlsPortAndAClientThatDoesNotTrustTheCertificate() {
        // given
        HttpClient plain = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();

        // then
        assertThatThrownBy(() -> plain.send(HttpRequest.newBuilder(URI.create("https://localhost:" + tls.port()
                + "/api/v1/public/evaluations")).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
        assertThat(INTAKE.received()).isEmpty();
    }

    @Test
    void keepsThePlainPortForCallersInsideTheDeployment() {
        // when: the console calls the API on the plain port, inside the compose network
        HttpResponse<String> response = gateway.getWithToken("/api/v1/statistics", TokenFixtures.supervisorToken());

        // then
        assertThat(response.statusCode()).isEqualTo(200);
    }

    private static HttpClient trustingTheTestCertificate() throws Exception {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        try (InputStream certificate = TlsPortTest.class.getResourceAsStream("/tls/gateway-test-cert.pem")) {
            trusted.setCertificateEntry("gateway", CertificateFactory.getInstance("X.509").generateCertificate(certificate));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(context)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }
}
