package org.duban.notification.delivery.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.apache.hc.core5.ssl.SSLContexts;
import org.duban.notification.TestReceiver;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One attempt over real HTTP to receivers on 127.0.0.1, with a scripted DNS: where the request goes,
 * what it refuses, and what the attempt records.
 */
class WebhookTransportTest {

    /** The local profile: plain http and loopback receivers allowed. */
    private static final TargetGuard.Settings LOCAL = new TargetGuard.Settings(true, true, false);

    private final Clock clock = Clock.systemUTC();
    private final ScriptedResolver dns = new ScriptedResolver();
    private final InMemoryWebhookEndpoints endpoints = new InMemoryWebhookEndpoints();
    private final List<AutoCloseable> servers = new ArrayList<>();
    private final AtomicInteger endpointCount = new AtomicInteger();
    private final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();

    @AfterEach
    void stopServers() throws Exception {
        for (AutoCloseable server : servers) {
            server.close();
        }
    }

    @Test
    void connectsToTheAddressItCheckedWhenTheNameAnswersSomethingElseTheSecondTime() {
        // given: the receiver's name answers 127.0.0.1 to the first question and the cloud's metadata
        // address to every later one, as a rebinding DNS server does
        TestReceiver receiver = receiver();
        dns.answering("rebinding.test", List.of("127.0.0.1"), List.of("169.254.169.254"));
        Delivery delivery = deliveryTo("http://rebinding.test:" + receiver.port() + "/hook");
        WebhookTransport transport = transport(LOCAL, Duration.ofSeconds(5));

        // when
        AttemptOutcome outcome = transport.attempt(delivery);

        // then: the request reached the checked address and the name was asked once; a second lookup (by
        // the client or the system, which knows no .test names) would have failed or gone elsewhere
        assertThat(outcome.succeeded()).as(outcome.error()).isTrue();
        assertThat(receiver.received()).hasSize(1);
        assertThat(dns.questionsAbout("rebinding.test")).isEqualTo(1);
    }

    @Test
    void theNextAttemptLooksTheNameUpAgainAndRefusesWhatItHearsThenWithoutConnecting() {
        // given: the first attempt was checked and sent while the name answered 127.0.0.1
        TestReceiver receiver = receiver();
        dns.answering("rebinding.test", List.of("127.0.0.1"), List.of("169.254.169.254"));
        Delivery delivery = deliveryTo("http://rebinding.test:" + receiver.port() + "/hook");
        WebhookTransport transport = transport(LOCAL, Duration.ofSeconds(5));
        transport.attempt(delivery);

        // when
        AttemptOutcome next = transport.attempt(delivery);

        // then
        assertThat(next.succeeded()).isFalse();
        assertThat(next.error()).isEqualTo("address not allowed");
        assertThat(receiver.received()).hasSize(1);
        assertThat(dns.questionsAbout("rebinding.test")).isEqualTo(2);
    }

    @Test
    void attemptsToTheSameNameAndAddressShareOneKeptConnection() throws IOException {
        // given
        List<InetSocketAddress> peers = new ArrayList<>();
        int port = wildcardReceiver(peers, 204, 0);
        dns.answering("kept.test", List.of("127.0.0.1"));
        WebhookTransport transport = transport(LOCAL, Duration.ofSeconds(5));

        // when
        List<AttemptOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            outcomes.add(transport.attempt(deliveryTo("http://kept.test:" + port + "/hook")));
        }

        // then: every attempt checked the name, and all went over one connection
        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.succeeded()).as(outcome.error()).isTrue());
        assertThat(dns.questionsAbout("kept.test")).isEqualTo(3);
        assertThat(peers).extracting(InetSocketAddress::getPort).containsOnly(peers.get(0).getPort());
    }

    @Test
    void aKeptConnectionIsNeverUsedForAnAddressTheAttemptDidNotCheck() throws IOException {
        // given: the name answered 127.0.0.1 for the first attempt, whose connection is kept; now it answers
        // 127.0.0.2 (allowed too)
        List<InetSocketAddress> peers = new ArrayList<>();
        List<InetAddress> reached = new ArrayList<>();
        int port = wildcardReceiver(peers, reached);
        dns.answering("moving.test", List.of("127.0.0.1"), List.of("127.0.0.2"));
        WebhookTransport transport = transport(LOCAL, Duration.ofSeconds(5));
        transport.attempt(deliveryTo("http://moving.test:" + port + "/hook"));

        // when
        AttemptOutcome next = transport.attempt(deliveryTo("http://moving.test:" + port + "/hook"));

        // then: a connection of its own, to the address this attempt checked
        assertThat(next.succeeded()).as(next.error()).isTrue();
        assertThat(reached).extracting(InetAddress::getHostAddress).containsExactly("127.0.0.1", "127.0.0.2");
        assertThat(peers.get(1).getPort()).isNotEqualTo(peers.get(0).getPort());
    }

    @Test
    void aLongAnswerIsNotReadAndItsConnectionIsNotKept() throws IOException {
        // given: a receiver answering 200 with 64 KB
        List<InetSocketAddress> peers = new ArrayList<>();
        int port = wildcardReceiver(peers, 200, 64 * 1024);
        dns.answering("chatty.test", List.of("127.0.0.1"));
        WebhookTransport transport = transport(LOCAL, Duration.ofSeconds(5));

        // when
        AttemptOutcome first = transport.attempt(deliveryTo("http://chatty.test:" + port + "/hook"));
        AttemptOutcome second = transport.attempt(deliveryTo("http://chatty.test:" + port + "/hook"));

        // then: both delivered, each on a connection of its own
        assertThat(first.succeeded()).as(first.error()).isTrue();
        assertThat(second.succeeded()).as(second.error()).isTrue();
        assertThat(peers.get(1).getPort()).isNotEqualTo(peers.get(0).getPort());
    }

    @Test
    void sendsNothingWhenAnyOfTheAddressesOfTheNameIsRefused() {
        // given: one address is allowed (loopback, in the local profile), the other is private
        TestReceiver receiver = receiver();
        dns.answering("mixed.test", List.of("127.0.0.1", "10.0.0.5"));
        Delivery delivery = deliveryTo("http://mixed.test:" + receiver.port() + "/hook");

        // when
        AttemptOutcome outcome = transport(LOCAL, Duration.ofSeconds(5)).attempt(delivery);

        // then
        assertThat(outcome.error()).isEqualTo("address not allowed");
        assertThat(receiver.received()).isEmpty();
    }

    @Test
    void refusesAPlainHttpWebhookAtTheAttemptOutsideTheLocalProfile() {
        // given: an http endpoint (registered before https was required); loopback would be allowed
        TestReceiver receiver = receiver();
        dns.answering("plain.test", List.of("127.0.0.1"));
        Delivery delivery = deliveryTo("http://plain.test:" + receiver.port() + "/hook");

        // when
        AttemptOutcome outcome = transport(new TargetGuard.Settings(false, true, false), Duration.ofSeconds(5))
                .attempt(delivery);

        // then
        assertThat(outcome.error()).isEqualTo("URL not allowed");
        assertThat(receiver.received()).isEmpty();
        assertThat(dns.questionsAbout("plain.test")).isZero();
    }

    @Test
    void recordsConnectionRefusedWithoutTheAddressTheHostOrTheExceptionsText() throws IOException {
        // given: nothing listens on the port
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        dns.answering("gone.test", List.of("127.0.0.1"));
        Delivery delivery = deliveryTo("http://gone.test:" + closedPort + "/hook");

        // when
        AttemptOutcome outcome = transport(LOCAL, Duration.ofSeconds(5)).attempt(delivery);

        // then
        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.status()).isNull();
        assertThat(outcome.error()).isEqualTo("connection refused");
    }

    @Test
    void recordsTheReceiversStatusAndNothingElse() {
        // given
        TestReceiver receiver = receiver().answering(n -> TestReceiver.Answer.status(500));
        dns.answering("failing.test", List.of("127.0.0.1"));
        Delivery delivery = deliveryTo("http://failing.test:" + receiver.port() + "/hook");

        // when
        AttemptOutcome outcome = transport(LOCAL, Duration.ofSeconds(5)).attempt(delivery);

        // then
        assertThat(outcome.status()).isEqualTo(500);
        assertThat(outcome.error()).isEqualTo("HTTP 500");
    }

    @Test
    void doesNotFollowARedirectNotEvenOneThatKeepsTheMethod() throws IOException {
        // given: the receiver sends the request on to another address with 307 (POST stays POST)
        TestReceiver elsewhere = receiver();
        HttpServer redirecting = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicInteger redirected = new AtomicInteger();
        redirecting.createContext("/", exchange -> {
            redirected.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Location", elsewhere.url());
            exchange.sendResponseHeaders(307, -1);
            exchange.close();
        });
        redirecting.start();
        servers.add(() -> redirecting.stop(0));
        dns.answering("redirecting.test", List.of("127.0.0.1"));
        Delivery delivery = deliveryTo("http://redirecting.test:" + redirecting.getAddress().getPort() + "/hook");

        // when
        AttemptOutcome outcome = transport(LOCAL, Duration.ofSeconds(5)).attempt(delivery);

        // then
        assertThat(redirected).hasValue(1);
        assertThat(elsewhere.received()).isEmpty();
        assertThat(outcome.status()).isEqualTo(307);
        assertThat(outcome.error()).isEqualTo("HTTP 307");
    }

    @Test
    void cutsOffAReceiverThatTricklesItsAnswerAtTheTimeoutOfTheWholeExchange() throws IOException {
        // given: a receiver that sends one byte of its answer every 100 ms, never finishing the head
        ServerSocket trickler = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        servers.add(trickler);
        Thread sender = new Thread(() -> trickle(trickler), "trickler");
        sender.setDaemon(true);
        sender.start();
        dns.answering("slow.test", List.of("127.0.0.1"));
        Delivery delivery = deliveryTo("http://slow.test:" + trickler.getLocalPort() + "/hook");
        Instant started = Instant.now();

        // when
        AttemptOutcome outcome = transport(LOCAL, Duration.ofMillis(700)).attempt(delivery);

        // then: each byte came well within the read timeout, yet the attempt ended at the timeout
        assertThat(outcome.error()).isEqualTo("timed out");
        assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void anAttemptCutOffAtTheTimeoutWhereverItIsIsRecordedAsTimedOutAndNeverEscapes() {
        // given: timeouts so short that the deadline cancels the exchange at every step of it (leasing the
        // connection, connecting, sending, reading), where HttpClient answers the cancel in different ways
        TestReceiver receiver = receiver().answering(n -> new TestReceiver.Answer(204, 5, null));
        dns.answering("hurried.test", List.of("127.0.0.1"));
        List<AttemptOutcome> outcomes = new ArrayList<>();

        // when
        for (int i = 0; i < 150; i++) {
            Delivery delivery = deliveryTo("http://hurried.test:" + receiver.port() + "/hook");
            outcomes.add(transport(LOCAL, Duration.ofMillis(1 + i % 8)).attempt(delivery));
        }

        // then: every attempt has an outcome: delivered, or timed out
        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.succeeded() || "timed out".equals(outcome.error()))
                .as(outcome.error()).isTrue());
        assertThat(outcomes).anySatisfy(outcome -> assertThat(outcome.error()).isEqualTo("timed out"));
    }

    @Test
    void anEndpointWithItsShareOfAttemptsInFlightIsNotAttemptedAgainUntilOneEnds() throws Exception {
        // given: a receiver that holds every request until released, and perEndpoint = 2 attempts under way to it
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger holding = new AtomicInteger();
        int port = holdingReceiver(release, holding);
        dns.answering("busy.test", List.of("127.0.0.1"));
        Delivery first = deliveryTo("http://busy.test:" + port + "/hook");
        String endpointId = first.target().endpointId();
        WebhookTransport transport = transport(LOCAL, Duration.ofSeconds(10));
        ExecutorService workers = Executors.newFixedThreadPool(2);
        servers.add(workers::shutdownNow);
        CompletableFuture<AttemptOutcome> one = CompletableFuture.supplyAsync(() -> transport.attempt(first), workers);
        CompletableFuture<AttemptOutcome> two = CompletableFuture.supplyAsync(
                () -> transport.attempt(anotherDeliveryTo(endpointId)), workers);
        await().atMost(Duration.ofSeconds(10)).until(() -> holding.get() == 2);

        // when: the third
        AttemptOutcome third = transport.attempt(anotherDeliveryTo(endpointId));

        // then: not attempted (nothing sent, no failure recorded), asked to wait a moment, and the breaker saw nothing
        assertThat(third.attempted()).isFalse();
        assertThat(third.retryAfter()).isEqualTo(WebhookTransport.BUSY_WAIT);
        assertThat(holding.get()).isEqualTo(2);
        assertThat(transport.bulkheads().bulkhead(endpointId).getMetrics().getAvailableConcurrentCalls()).isZero();
        assertThat(breakers.circuitBreaker(endpointId).getMetrics().getNumberOfBufferedCalls()).isZero();

        // and once the two are answered, the endpoint takes attempts again
        release.countDown();
        assertThat(one.get(10, TimeUnit.SECONDS).succeeded()).isTrue();
        assertThat(two.get(10, TimeUnit.SECONDS).succeeded()).isTrue();
        assertThat(transport.bulkheads().bulkhead(endpointId).getMetrics().getAvailableConcurrentCalls()).isEqualTo(2);
        AttemptOutcome fourth = transport.attempt(anotherDeliveryTo(endpointId));
        assertThat(fourth.succeeded()).as(fourth.error()).isTrue();
    }

    @Test
    void anEndpointFoundRemovedLosesItsBreakerAndItsBulkhead() {
        // given: one attempt made the endpoint's breaker and bulkhead
        TestReceiver receiver = receiver();
        dns.answering("removed.test", List.of("127.0.0.1"));
        Delivery delivery = deliveryTo("http://removed.test:" + receiver.port() + "/hook");
        WebhookTransport transport = transport(LOCAL, Duration.ofSeconds(5));
        assertThat(transport.attempt(delivery).succeeded()).isTrue();
        assertThat(breakers.find(delivery.target().endpointId())).isPresent();
        assertThat(transport.bulkheads().find(delivery.target().endpointId())).isPresent();
        endpoints.delete(delivery.target().endpointId());

        // when
        AttemptOutcome outcome = transport.attempt(anotherDeliveryTo(delivery.target().endpointId()));

        // then
        assertThat(outcome.permanent()).isTrue();
        assertThat(breakers.find(delivery.target().endpointId())).isEmpty();
        assertThat(transport.bulkheads().find(delivery.target().endpointId())).isEmpty();
    }

    /** Answers 204 to each request once {@code release} is counted down; {@code holding} counts those waiting. */
    private int holdingReceiver(CountDownLatch release, AtomicInteger holding) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ExecutorService handlers = Executors.newCachedThreadPool();
        server.setExecutor(handlers);
        server.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            holding.incrementAndGet();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        servers.add(() -> {
            release.countDown();
            server.stop(0);
            handlers.shutdownNow();
        });
        return server.getAddress().getPort();
    }

    private Delivery anotherDeliveryTo(String endpointId) {
        Instant now = clock.instant();
        return Delivery.webhook(InboxFixtures.unreadMessage("evt-" + endpointId + "-" + endpointCount.incrementAndGet(),
                "unit-1", now), endpointId, "{\"n\":2}", now, now);
    }

    private static void trickle(ServerSocket server) {
        try (Socket socket = server.accept()) {
            InputStream in = socket.getInputStream();
            in.read(new byte[8192]);
            OutputStream out = socket.getOutputStream();
            byte[] head = ("HTTP/1.1 200 OK\r\nX-Slow: " + "z".repeat(200)).getBytes(StandardCharsets.US_ASCII);
            for (byte b : head) {
                out.write(b);
                out.flush();
                Thread.sleep(100);
            }
        } catch (IOException | InterruptedException e) {
            // the client went away, as it should
        }
    }

    private WebhookTransport transport(TargetGuard.Settings settings, Duration timeout) {
        WebhookService webhooks = new WebhookService(endpoints, new TargetGuard(settings, dns), Set.of(),
                Duration.ofHours(24), new IdempotentCreations(new InMemoryIdempotencyKeys(), clock), clock);
        WebhookTransport transport = new WebhookTransport(webhooks, breakers,
                new WebhookTransport.Settings(Duration.ofSeconds(60), 2, timeout), SSLContexts.createDefault(),
                () -> null, clock);
        servers.add(transport);
        return transport;
    }

    /** A receiver on every local address answering {@code status} with a body of {@code size} bytes. */
    private int wildcardReceiver(List<InetSocketAddress> peers, int status, int size) throws IOException {
        return wildcardReceiver(peers, new ArrayList<>(), status, size);
    }

    private int wildcardReceiver(List<InetSocketAddress> peers, List<InetAddress> reached) throws IOException {
        return wildcardReceiver(peers, reached, 204, 0);
    }

    /** Records each request's client address (whose port tells the connection) and the local address it reached. */
    private int wildcardReceiver(List<InetSocketAddress> peers, List<InetAddress> reached, int status, int size)
            throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(0), 0);
        server.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            synchronized (peers) {
                peers.add(exchange.getRemoteAddress());
                reached.add(exchange.getLocalAddress().getAddress());
            }
            if (size == 0) {
                exchange.sendResponseHeaders(status, -1);
            } else {
                exchange.sendResponseHeaders(status, size);
                exchange.getResponseBody().write(new byte[size]);
            }
            exchange.close();
        });
        server.start();
        servers.add(() -> server.stop(0));
        return server.getAddress().getPort();
    }

    private Delivery deliveryTo(String url) {
        Instant now = clock.instant();
        String id = "ep-" + endpointCount.incrementAndGet();
        endpoints.insertIfAbsent(new WebhookEndpoint(id, "unit-1", URI.create(url), Set.of(),
                List.of(WebhookSecret.generate(now)), WebhookEndpoint.Status.ACTIVE, null, now, 0L));
        return Delivery.webhook(InboxFixtures.unreadMessage("evt-" + id, "unit-1", now), id, "{\"n\":1}", now, now);
    }

    private TestReceiver receiver() {
        TestReceiver receiver = new TestReceiver();
        servers.add(receiver);
        return receiver;
    }
}
