package org.duban.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Plain HTTP to the gateway: any request, any token or none, the answer as it came. */
final class GatewayCalls {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final String gatewayUrl;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    GatewayCalls(String gatewayUrl) {
        this.gatewayUrl = gatewayUrl;
    }

    /** Sends the request with {@code Authorization: Bearer token}, or without the header when token is null. */
    Answer send(MatrixRequest request, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(gatewayUrl + request.path()))
                .timeout(Duration.ofSeconds(30))
                .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(request.body()));
        if (request.body() != null) {
            builder.header("Content-Type", "application/json");
        }
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        request.headers().forEach(builder::header);
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new IllegalStateException(request + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends the request and insists on a 2xx: for building the world the matrix runs in. */
    JsonNode ok(MatrixRequest request, String token) {
        Answer answer = send(request, token);
        if (answer.status() / 100 != 2) {
            throw new IllegalStateException(request + " answered " + answer.status() + ": " + answer.body());
        }
        return answer.json();
    }

    static String json(Map<String, ?> body) {
        return JSON.writeValueAsString(body);
    }

    /** An answer: status, content type and body. */
    record Answer(int status, String contentType, String body) {

        boolean successful() {
            return status / 100 == 2;
        }

        boolean isProblem() {
            return contentType.startsWith("application/problem+json");
        }

        JsonNode json() {
            return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        }

        /** The status and the start of the body, for failure messages. */
        String shown() {
            String text = body == null ? "" : body.replaceAll("\\s+", " ");
            return status + " " + (text.length() > 300 ? text.substring(0, 300) + "…" : text);
        }
    }
}
