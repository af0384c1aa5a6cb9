package org.duban.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A unit's webhook receiver for tests: an HTTP server on the loopback interface that records every
 * request and answers as told — per request number, a status (and optionally a delay before it).
 * Once given the unit's secret it verifies each request with {@link StandardWebhooksVerifier} and
 * answers 401 to one that fails, as a real receiver would.
 */
public final class TestReceiver implements AutoCloseable {

    private final HttpServer server;
    private final List<Received> received = new ArrayList<>();
    private final AtomicInteger count = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile IntFunction<Answer> behaviour = n -> new Answer(204, 0, null);
    private volatile StandardWebhooksVerifier verifier;

    public TestReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + port() + "/duban/webhook";
    }

    /** The port it listens on, on 127.0.0.1. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** How to answer the n-th request (1-based). */
    public TestReceiver answering(IntFunction<Answer> behaviour) {
        this.behaviour = behaviour;
        return this;
    }

    public TestReceiver verifyingWith(String secret) {
        this.verifier = new StandardWebhooksVerifier(secret);
        return this;
    }

    public synchronized List<Received> received() {
        return List.copyOf(received);
    }

    /** Waits until {@code count} requests have been received; answers the last one. */
    public synchronized Received awaitRequests(int count, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (received.size() < count) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                throw new IllegalStateException("only " + received.size() + " of " + count + " requests arrived");
            }
            wait(left);
        }
        return received.get(count - 1);
    }

    /** Requests being handled right now (received, not yet answered). */
    public int inFlight() {
        return inFlight.get();
    }

    /** The requests answered 2xx. */
    public synchronized List<Received> accepted() {
        return received.stream().filter(r -> r.answeredStatus() >= 200 && r.answeredStatus() < 300).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        inFlight.incrementAndGet();
        try {
            answer(exchange);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        Instant at = Instant.now();
        long nanos = System.nanoTime();
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        String id = exchange.getRequestHeaders().getFirst("webhook-id");
        String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
        String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
        String refusal = verifier == null ? null : verifier.refusal(id, timestamp, signature, body, at);
        Answer answer = refusal != null ? new Answer(401, 0, null) : behaviour.apply(count.incrementAndGet());
        if (answer.delayMillis() > 0) {
            try {
                Thread.sleep(answer.delayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            received.add(new Received(at, nanos, id, timestamp, signature, body, refusal, answer.status(),
                    exchange.getRequestHeaders().getFirst("traceparent")));
            notifyAll();
        }
        if (answer.retryAfter() != null) {
            exchange.getResponseHeaders().add("Retry-After", answer.retryAfter());
        }
        exchange.sendResponseHeaders(answer.status(), -1);
        try (OutputStream out = exchange.getResponseBody()) {
            out.flush();
        } catch (IOException clientGone) {
            // the sender timed out and went away
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** What to answer: status, a delay before answering, and a Retry-After header (or null). */
    public record Answer(int status, long delayMillis, String retryAfter) {

        public static Answer status(int status) {
            return new Answer(status, 0, null);
        }
    }

    /**
     * One request as received, with the verifier's verdict (null: genuine), the status answered and its
     * {@code traceparent} header (null if none).
     */
    public record Received(Instant at, long nanos, String webhookId, String timestamp, String signature, byte[] body,
            String refusal, int answeredStatus, String traceparent) {

        public String bodyText() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
