package org.duban.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for the gateway on a loopback port: answers each {@code METHOD path} with the answers given for it, in
 * order (the last one again and again), and records every request it got.
 */
final class FakeGateway implements AutoCloseable {

    /** One request as the gateway saw it; {@code authorization} and {@code idempotencyKey} are null when absent. */
    record Request(String method, String path, String rawQuery, String authorization, String idempotencyKey,
            String body) {

        String line() {
            return method + " " + path + (rawQuery == null ? "" : "?" + rawQuery);
        }
    }

    /** An answer; a {@code status} of 0 drops the connection without answering. */
    record Answer(int status, Map<String, String> headers, String body) {

        static Answer json(int status, String body) {
            return new Answer(status, Map.of("Content-Type", "application/json"), body);
        }

        static Answer problem(int status, String type, String title, String detail) {
            return new Answer(status, Map.of("Content-Type", "application/problem+json"), """
                    {"type":"%s","title":"%s","status":%d,"detail":"%s","requestId":"req-%d"}"""
                    .formatted(type, title, status, detail, status));
        }

        static Answer dropped() {
            return new Answer(0, Map.of(), "");
        }

        Answer with(String header, String value) {
            Map<String, String> more = new java.util.HashMap<>(headers);
            more.put(header, value);
            return new Answer(status, more, body);
        }
    }

    private final HttpServer server;
    private final Map<String, Deque<Answer>> answers = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    FakeGateway() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    FakeGateway answer(String methodAndPath, Answer... inOrder) {
        answers.put(methodAndPath, new ArrayDeque<>(List.of(inOrder)));
        return this;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    Request lastRequest() {
        return requests.get(requests.size() - 1);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        requests.add(new Request(exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(),
                exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        Deque<Answer> queue = answers.get(exchange.getRequestMethod() + " " + path);
        Answer answer = queue == null ? Answer.problem(404, "urn:duban:problem:not-found", "Not Found", path)
                : queue.size() > 1 ? queue.poll() : queue.peek();
        if (answer.status() == 0) {
            exchange.close();
            return;
        }
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
