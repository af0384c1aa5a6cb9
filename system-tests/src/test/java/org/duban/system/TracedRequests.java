package org.duban.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Calls through the gateway that start a trace of the caller's choosing (a W3C {@code traceparent}
 * header, as a caller's own tracing would send it), and the search for that trace id in the parts' logs.
 */
final class TracedRequests {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TracedRequests() {
    }

    /** A fresh 32-hex-digit trace id. */
    static String newTraceId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** POSTs JSON through the gateway as a call that belongs to the trace {@code traceId} (sampled). */
    static HttpResponse<String> post(String gatewayUrl, String path, String token, String json, String traceId) {
        byte[] parentSpan = new byte[8];
        RANDOM.nextBytes(parentSpan);
        HttpRequest request = HttpRequest.newBuilder(URI.create(gatewayUrl + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .header("traceparent", "00-" + traceId + "-" + HexFormat.of().formatHex(parentSpan) + "-01")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The lines of a log that carry the trace id in their correlation field {@code [service,traceId,spanId,requestId]}. */
    static java.util.List<String> linesOfTrace(Path log, String traceId) {
        try {
            return Files.readAllLines(log).stream().filter(line -> line.contains("," + traceId + ",")).toList();
        } catch (IOException e) {
            return java.util.List.of();
        }
    }
}
