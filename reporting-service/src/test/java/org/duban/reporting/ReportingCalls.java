package org.duban.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.duban.platform.testing.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real HTTP calls against the reporting service under test, as the office's staff make them. */
final class ReportingCalls {

    static final String SUPERVISOR = TestTokens.supervisor("zhang.wei");
    static final String LEADER = TestTokens.leader("wang.fang");
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;

    ReportingCalls(int port) {
        this.base = "http://localhost:" + port;
    }

    /** A GET with the token (none when {@code null}), the answer as text. */
    HttpResponse<String> get(String path, String token) {
        return send(request(path, token), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A GET as a supervisor that must answer 200 with JSON; the answer read. */
    JsonNode json(String path) {
        HttpResponse<String> response = get(path, SUPERVISOR);
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        return JSON.readTree(response.body());
    }

    JsonNode statistics(LocalDate from, LocalDate to) {
        return json("/api/v1/statistics?from=" + from + "&to=" + to);
    }

    JsonNode statistics(LocalDate from, LocalDate to, String unitId) {
        return json("/api/v1/statistics?from=" + from + "&to=" + to + "&unitId=" + unitId);
    }

    /** The year's annual report as a leader asks for it, in the format {@code accept} names; it must answer 200. */
    HttpResponse<byte[]> annualReport(int year, String accept) {
        HttpResponse<byte[]> response = send(request("/api/v1/reports/annual?year=" + year, LEADER)
                .header("Accept", accept), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        return response;
    }

    /** Asserts a rate's parts; a {@code null} percent means the rate has none (nothing to divide by). */
    static void assertRate(JsonNode rate, long numerator, long denominator, Double percent) {
        assertThat(rate.get("numerator").asLong()).as("numerator of %s", rate).isEqualTo(numerator);
        assertThat(rate.get("denominator").asLong()).as("denominator of %s", rate).isEqualTo(denominator);
        if (percent == null) {
            assertThat(rate.has("percent")).as("percent of %s", rate).isFalse();
        } else {
            assertThat(rate.get("percent").asDouble()).as("percent of %s", rate).isEqualTo(percent);
        }
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        try {
            return client.send(request.build(), body);
        } catch (Exception e) {
            throw new AssertionError("could not call the service", e);
        }
    }
}
