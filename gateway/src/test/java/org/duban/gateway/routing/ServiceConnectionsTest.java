package org.duban.gateway.routing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.duban.gateway.testing.FakeService;
import org.duban.gateway.testing.GatewayClient;
import org.duban.gateway.testing.KeepAliveService;
import org.duban.gateway.testing.SocketService;
import org.duban.gateway.testing.TokenFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.duban.gateway.testing.TokenFixtures.supervisorToken;

/**
 * The forwarder's own client ({@link ServiceConnections}) where the other tests do not take it: answers and bodies
 * larger than a read, an address with a path, idle connections given up, an answer that stops half-way.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ServiceConnectionsTest {

    private static final Duration MAX_IDLE = Duration.ofMillis(600);
    private static final KeepAliveService INTAKE = KeepAliveService.answeringAfter(Duration.ZERO);
    private static final FakeService SUPERVISION = FakeService.start("supervision-service");
    private static final StallingService NOTIFICATION = new StallingService();
    private static final FakeService REPORTING = FakeService.start("reporting-service");
    private static final FloodingService CONSOLE = new FloodingService();

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("INTAKE_URL", INTAKE::url);
        registry.add("SUPERVISION_URL", SUPERVISION::url);
        registry.add("NOTIFICATION_URL", NOTIFICATION::url);
        registry.add("REPORTING_URL", () -> REPORTING.url() + "/behind/a/proxy/");
        registry.add("CONSOLE_URL", CONSOLE::url);
        registry.add("DUBAN_GATEWAY_POOL_MAX_IDLE_TIME", MAX_IDLE::toString);
        registry.add("duban.gateway.pool.eviction-interval", () -> "100ms");
        registry.add("resilience4j.timelimiter.instances.notification-service.timeout-duration", () -> "1s");
        TokenFixtures.register(registry);
    }

    @AfterAll
    static void stopServices() {
        INTAKE.close();
        SUPERVISION.close();
        NOTIFICATION.close();
        REPORTING.close();
        CONSOLE.close();
    }

    @Test
    void forwardsAnAnswerOfManyMegabytesWhole() {
        // given an answer far larger than what the connection reads ahead of its caller
        String large = "督办".repeat(2_000_000) + "end";
        SUPERVISION.answer(200, Map.of("Content-Type", "text/plain; charset=utf-8"), large);

        // when
        HttpResponse<String> response = gateway().getWithToken("/api/v1/alerts/export", supervisorToken());

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).hasSize(large.length()).isEqualTo(large);
        SUPERVISION.reset();
    }

    @Test
    void streamsALargeRequestBodyWholeToTheService() {
        // given a body of many reads, under the gateway's limit
        String body = "{\"note\":\"" + "x".repeat(900_000) + "\"}";

        // when
        HttpResponse<String> response = gateway().send(gateway().request("/api/v1/measures")
                .header("Authorization", "Bearer " + supervisorToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(SUPERVISION.received()).last().satisfies(received -> {
            assertThat(received.method()).isEqualTo("POST");
            assertThat(received.body()).isEqualTo(body);
        });
        SUPERVISION.reset();
    }

    @Test
    void putsThePathOfTheServicesAddressBeforeEveryTarget() {
        // when
        HttpResponse<String> response = gateway().getWithToken("/api/v1/statistics/yearly?year=2023",
                supervisorToken());

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(REPORTING.received()).last().satisfies(received ->
                assertThat(received.pathAndQuery()).isEqualTo("/behind/a/proxy/api/v1/statistics/yearly?year=2023"));
    }

    @Test
    void keepsAConnectionForTheNextCallAndClosesItOnceIdleTooLong() throws Exception {
        // given a caller's kept-alive connection (so its calls come in on one event loop of the gateway's), a first
        // call, then a second one soon after: the same connection to the service
        HttpClient caller = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        assertThat(units(caller)).isEqualTo(200);
        int opened = INTAKE.connections();
        assertThat(units(caller)).isEqualTo(200);
        assertThat(INTAKE.connections()).isEqualTo(opened);

        // when idle longer than the pool's maximum
        TimeUnit.MILLISECONDS.sleep(MAX_IDLE.toMillis() * 3);

        // then the gateway closed it: the next call needs a new one
        assertThat(units(caller)).isEqualTo(200);
        assertThat(INTAKE.connections()).isEqualTo(opened + 1);
    }

    private int units(HttpClient caller) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/units"))
                .header("Authorization", "Bearer " + supervisorToken()).build();
        return caller.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void cutsOffAnAnswerThatStopsHalfWayAfterTheRoutesTimeout() {
        // given a service that sends the head and a part of the body, then nothing
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/inbox"))
                .header("Authorization", "Bearer " + supervisorToken()).timeout(Duration.ofSeconds(20)).build();
        long started = System.nanoTime();

        // when, then: the caller's connection is closed after the route's 1 s, not left waiting
        assertThatThrownBy(() -> client.send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .isBetween(Duration.ofSeconds(1), Duration.ofSeconds(8));
    }

    @Test
    void readsAnAnswerOnlyAsFastAsItsCallerTakesIt() throws Exception {
        // given a caller that asks for a 256 MB answer and reads none of it
        try (Socket caller = new Socket(InetAddress.getLoopbackAddress(), port)) {
            caller.getOutputStream().write("GET /board/export HTTP/1.1\r\nHost: localhost\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            caller.getOutputStream().flush();

            // when the service has had time to send it all
            TimeUnit.SECONDS.sleep(3);

            // then it could send no more than the sockets' buffers and the gateway's read-ahead hold
            assertThat(CONSOLE.written()).isGreaterThan(0).isLessThan(FloodingService.SIZE / 4);
        }
    }

    private GatewayClient gateway() {
        return new GatewayClient(port);
    }

    /** Answers a request with 256 MB as fast as they can be sent, counting what it could send. */
    private static final class FloodingService extends SocketService {
        static final long SIZE = 256L << 20;
        private final AtomicLong written = new AtomicLong();

        long written() {
            return written.get();
        }

        @Override
        protected void serve(Socket socket) throws IOException {
            socket.getInputStream().read(new byte[8192]);
            OutputStream out = socket.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: " + SIZE
                    + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            byte[] chunk = new byte[64 * 1024];
            for (long sent = 0; sent < SIZE; sent += chunk.length) {
                out.write(chunk);
                written.addAndGet(chunk.length);
            }
        }
    }

    /** Answers every request with a head that promises 1,000 bytes, sends ten and then nothing until closed. */
    private static final class StallingService extends SocketService {

        @Override
        protected void serve(Socket socket) throws IOException {
            InputStream in = socket.getInputStream();
            byte[] head = new byte[8192];
            in.read(head);
            OutputStream out = socket.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\n0123456789")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            while (in.read(head) >= 0) {
                // nothing more is sent; the gateway closes the connection
            }
        }
    }
}
