package org.duban.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * What the service refuses on its own, whatever the gateway let through: a page number whose offset
 * (page × size) would not fit the store's skip, and a body over the 1 MiB limit, announced or chunked.
 */
class RequestLimitsIT extends RunningIntake {

    private static final List<String> LISTS = List.of("/api/v1/units", "/api/v1/cases", "/api/v1/assignments");
    private static final int LIMIT = 1024 * 1024;

    @Test
    void aPageNumberWhoseOffsetOverflowsIsRefusedNamingPageInEveryList() {
        for (String list : LISTS) {
            for (String query : List.of("page=2147483647&size=100", "page=99999999", "page=99999999&size=100",
                    "page=10000001")) {
                // when
                HttpCalls.Answer answer = http.get(list + "?" + query, SUPERVISOR);

                // then
                assertThat(answer.status()).as(list + "?" + query + " → " + answer.body()).isEqualTo(400);
                assertThat(answer.contentType()).startsWith("application/problem+json");
                assertThat(answer.text("type")).isEqualTo("urn:duban:problem:invalid-request");
                assertThat(answer.body().path("errors").findValuesAsString("field")).containsExactly("page");
            }
        }
    }

    @Test
    void theLastPageAllowedAtTheLargestSizeIsEmpty() {
        for (String list : LISTS) {
            // when
            HttpCalls.Answer answer = http.get(list + "?page=10000000&size=200", SUPERVISOR);

            // then
            assertThat(answer.status()).as(list + " → " + answer.body()).isEqualTo(200);
            assertThat(answer.body().path("items").isEmpty()).isTrue();
            assertThat(answer.body().path("page").path("page").asInt()).isEqualTo(10_000_000);
        }
    }

    @Test
    void aBodyOverTheLimitIsRefusedWithAPayloadTooLargeProblem() {
        // given
        String tooLarge = jsonOfLength(LIMIT + 1);

        // when
        HttpCalls.Answer announced = http.post("/api/v1/cases", SUPERVISOR, tooLarge);
        HttpCalls.Answer chunked = http.postChunked("/api/v1/cases", SUPERVISOR, tooLarge.getBytes(StandardCharsets.UTF_8));

        // then
        for (HttpCalls.Answer answer : List.of(announced, chunked)) {
            assertThat(answer.status()).as(answer.body().toString()).isEqualTo(413);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.text("type")).isEqualTo("urn:duban:problem:payload-too-large");
            assertThat(answer.text("detail")).contains(String.valueOf(LIMIT));
            assertThat(answer.text("requestId")).isEqualTo(answer.header("X-Request-Id"));
        }
    }

    @Test
    void aBodyWithinTheLimitIsStillReadAsJson() {
        // when: as large as allowed, but not a valid matter
        HttpCalls.Answer answer = http.postChunked("/api/v1/cases", SUPERVISOR,
                jsonOfLength(LIMIT).getBytes(StandardCharsets.UTF_8));

        // then: refused for what it says, not for its size
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(400);
        assertThat(answer.text("type")).isEqualTo("urn:duban:problem:invalid-request");
    }

    /** A JSON document of exactly {@code length} bytes. */
    private static String jsonOfLength(int length) {
        String start = "{\"summary\":\"";
        String end = "\"}";
        return start + "x".repeat(length - start.length() - end.length()) + end;
    }
}
