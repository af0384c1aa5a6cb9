package org.duban.gateway.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for one Duban service: a plain JDK HTTP server on a random port that records what reaches
 * it and answers as told — by default 200 with {@code {"service": name}}.
 */
public final class FakeService implements AutoCloseable {

    /** What reached the service: method, path with query, headers (as the JDK server names them), body. */
    public record Received(String method, String pathAndQuery, Headers headers, String body) {

        public String header(String name) {
            return headers.getFirst(name);
        }
    }

    private enum Behaviour { ANSWER, HANG, DROP_CONNECTION }

    private final String name;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile Behaviour behaviour;
    private volatile int status;
    private volatile Map<String, String> headers;
    private volatile String body;

    private FakeService(String name) {
        this.name = name;
        reset();
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    public static FakeService start(String name) {
        return new FakeService(name);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** Forgets what was received and answers the default 200 again. */
    public void reset() {
        received.clear();
        answer(200, Map.of("Content-Type", "application/json"), "{\"service\":\"" + name + "\"}");
    }

    public void answer(int status, Map<String, String> headers, String body) {
        this.status = status;
        this.headers = headers;
        this.body = body;
        this.behaviour = Behaviour.ANSWER;
    }

    /** Accepts requests and never answers them (until closed). */
    public void hang() {
        behaviour = Behaviour.HANG;
    }

    /** Accepts requests and closes the connection without an answer. */
    public void dropConnections() {
        behaviour = Behaviour.DROP_CONNECTION;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String requestBody = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                exchange.getRequestHeaders(), requestBody));
        if (behaviour == Behaviour.DROP_CONNECTION) {
            exchange.close();
            return;
        }
        if (behaviour == Behaviour.HANG) {
            awaitRelease();
        }
        byte[] answer = body.getBytes(StandardCharsets.UTF_8);
        headers.forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }

    private void awaitRelease() {
        try {
            released.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
