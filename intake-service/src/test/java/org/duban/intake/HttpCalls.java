package org.duban.intake;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/** Real HTTP calls against the service under test, answers read as JSON trees. */
final class HttpCalls {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;

    HttpCalls(int port) {
        this.base = "http://localhost:" + port;
    }

    Answer get(String path, String token) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), token, Map.of());
    }

    Answer post(String path, String token, String json) {
        return post(path, token, json, Map.of());
    }

    Answer post(String path, String token, String json, Map<String, String> headers) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), token, headers);
    }

    /** A POST whose body has no announced length: the client sends it chunked. */
    Answer postChunked(String path, String token, byte[] json) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(json))), token, Map.of());
    }

    private Answer send(HttpRequest.Builder request, String token, Map<String, String> headers) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            boolean json = contentType.contains("json") && !response.body().isEmpty();
            return new Answer(response.statusCode(), contentType,
                    json ? JSON.readTree(response.body()) : MissingNode.getInstance(), response.headers());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    record Answer(int status, String contentType, JsonNode body, HttpHeaders headers) {
        String text(String field) {
            return body.path(field).asString();
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }
}
