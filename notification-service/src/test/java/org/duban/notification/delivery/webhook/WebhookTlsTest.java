package org.duban.notification.delivery.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.StandardConstants;
import javax.net.ssl.TrustManagerFactory;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.duban.notification.delivery.AttemptOutcome;
import org.duban.notification.delivery.Delivery;
import org.duban.notification.inbox.InboxFixtures;
import org.duban.notification.webhook.InMemoryIdempotencyKeys;
import org.duban.notification.webhook.InMemoryWebhookEndpoints;
import org.duban.notification.webhook.ScriptedResolver;
import org.duban.notification.webhook.TargetGuard;
import org.duban.notification.webhook.WebhookEndpoint;
import org.duban.notification.webhook.WebhookSecret;
import org.duban.notification.webhook.WebhookService;
import org.duban.platform.idempotency.IdempotentCreations;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pinning the address leaves TLS as it was: an https receiver on 127.0.0.1 with a certificate for
 * {@code receiver.test} (made by the JDK's keytool, trusted by the test's client) gets the request with
 * SNI {@code receiver.test}; the same address under another name fails the handshake.
 */
class WebhookTlsTest {

    private static final String STORE_PASSWORD = "changeit";
    /** Loopback is allowed, plain http is not: https only, as outside the local profile. */
    private static final TargetGuard.Settings HTTPS_ONLY = new TargetGuard.Settings(false, true, false);

    @TempDir
    static Path keys;

    private static HttpsServer server;
    private static SSLContext clientTrust;
    private static final List<String> serverNames = new CopyOnWriteArrayList<>();
    private static final List<String> requests = new CopyOnWriteArrayList<>();

    private final Clock clock = Clock.systemUTC();
    private final ScriptedResolver dns = new ScriptedResolver();
    private final InMemoryWebhookEndpoints endpoints = new InMemoryWebhookEndpoints();

    @BeforeAll
    static void startHttpsReceiver() throws Exception {
        Path store = keys.resolve("receiver.p12");
        keytool("-genkeypair", "-alias", "receiver", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=receiver.test", "-ext", "SAN=dns:receiver.test", "-validity", "2",
                "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", STORE_PASSWORD);
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keyStore.load(in, STORE_PASSWORD.toCharArray());
        }
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        SSLContext serverContext = serverContext(keyStore);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters parameters = serverContext.getDefaultSSLParameters();
                parameters.setSNIMatchers(List.of(new SNIMatcher(StandardConstants.SNI_HOST_NAME) {
                    @Override
                    public boolean matches(SNIServerName name) {
                        serverNames.add(((SNIHostName) name).getAsciiName());
                        return true;
                    }
                }));
                params.setSSLParameters(parameters);
            }
        });
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            requests.add(exchange.getRequestURI().getPath());
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        clientTrust = clientContext(keyStore);
    }

    @AfterAll
    static void stopHttpsReceiver() {
        server.stop(0);
    }

    @Test
    void verifiesTheCertificateAndSendsSniForTheHostNameWhileConnectingToTheCheckedAddress() {
        // given
        requests.clear();
        serverNames.clear();
        dns.answering("receiver.test", List.of("127.0.0.1"));
        Delivery delivery = deliveryTo("https://receiver.test:" + server.getAddress().getPort() + "/hook");

        // when
        AttemptOutcome outcome = transport().attempt(delivery);

        // then
        assertThat(outcome.succeeded()).as(outcome.error()).isTrue();
        assertThat(requests).containsExactly("/hook");
        assertThat(serverNames).containsExactly("receiver.test");
    }

    @Test
    void failsTheHandshakeWhenTheCheckedAddressAnswersWithACertificateForAnotherName() {
        // given: a name the certificate does not cover, pointing at the same address
        requests.clear();
        dns.answering("impostor.test", List.of("127.0.0.1"));
        Delivery delivery = deliveryTo("https://impostor.test:" + server.getAddress().getPort() + "/hook");

        // when
        AttemptOutcome outcome = transport().attempt(delivery);

        // then
        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.error()).isEqualTo("TLS handshake failed");
        assertThat(requests).isEmpty();
    }

    private WebhookTransport transport() {
        WebhookService webhooks = new WebhookService(endpoints, new TargetGuard(HTTPS_ONLY, dns), Set.of(),
                Duration.ofHours(24), new IdempotentCreations(new InMemoryIdempotencyKeys(), clock), clock);
        return new WebhookTransport(webhooks, CircuitBreakerRegistry.ofDefaults(),
                new WebhookTransport.Settings(Duration.ofSeconds(60), 2, Duration.ofSeconds(5)), clientTrust,
                () -> null, clock);
    }

    private Delivery deliveryTo(String url) {
        Instant now = clock.instant();
        endpoints.insertIfAbsent(new WebhookEndpoint("ep-tls", "unit-1", URI.create(url), Set.of(),
                List.of(WebhookSecret.generate(now)), WebhookEndpoint.Status.ACTIVE, null, now, 0L));
        return Delivery.webhook(InboxFixtures.unreadMessage("evt-tls", "unit-1", now), "ep-tls", "{}", now, now);
    }

    private static SSLContext serverContext(KeyStore keyStore) throws GeneralSecurityException {
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keyStore, STORE_PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), null, null);
        return context;
    }

    /** Trusts the receiver's self-signed certificate, and nothing else. */
    private static SSLContext clientContext(KeyStore keyStore) throws GeneralSecurityException, IOException {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("receiver", keyStore.getCertificate("receiver"));
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trustManagers.getTrustManagers(), null);
        return context;
    }

    private static void keytool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
    }
}
