package org.duban.gateway.testing;

import java.net.http.HttpResponse;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks the shape every gateway error shares: problem+json, the slug, the status, the request id. */
public final class ProblemAssertions {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemAssertions() {
    }

    /** Asserts a problem document of this status and slug carrying the response's request id; returns it. */
    public static JsonNode assertProblem(HttpResponse<String> response, int status, String slug) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("type").asString()).isEqualTo("urn:duban:problem:" + slug);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asString()).isNotBlank();
        assertThat(problem.path("detail").asString()).isNotBlank();
        String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(problem.path("requestId").asString()).isEqualTo(requestId);
        return problem;
    }

    /** {@link #assertProblem(HttpResponse, int, String)} for an answer read off a plain socket. */
    public static JsonNode assertProblem(RawHttp.Answer answer, int status, String slug) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.path("type").asString()).isEqualTo("urn:duban:problem:" + slug);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asString()).isNotBlank();
        assertThat(problem.path("detail").asString()).isNotBlank();
        assertThat(answer.header("X-Request-Id")).isNotBlank();
        assertThat(problem.path("requestId").asString()).isEqualTo(answer.header("X-Request-Id"));
        return problem;
    }

    public static JsonNode json(String body) {
        return JSON.readTree(body);
    }
}
