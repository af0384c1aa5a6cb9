package org.duban.gateway.bodylimit;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.duban.gateway.testing.RawHttp;
import org.duban.gateway.testing.RunningGateway;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.gateway.testing.ProblemAssertions.assertProblem;
import static org.duban.gateway.testing.TokenFixtures.supervisorToken;

/** The default limit, 1 MiB: a body one byte longer is refused with a problem, before anything is forwarded. */
class BodyLimitTest extends RunningGateway {

    private static final int LIMIT = 1024 * 1024;

    @Test
    void refusesABodyOneByteOverTheLimitWithAPayloadTooLargeProblem() {
        // when
        HttpResponse<String> response = gateway.send(gateway.request("/api/v1/cases")
                .header("Authorization", "Bearer " + supervisorToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(jsonOfLength(LIMIT + 1))));

        // then
        assertProblem(response, 413, "payload-too-large");
        assertThat(INTAKE.received()).isEmpty();
    }

    @Test
    void forwardsABodyOfExactlyTheLimitUnchanged() {
        // given
        String body = jsonOfLength(LIMIT);

        // when
        HttpResponse<String> response = gateway.send(gateway.request("/api/v1/cases")
                .header("Authorization", "Bearer " + supervisorToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(INTAKE.received()).singleElement().satisfies(received -> assertThat(received.body()).isEqualTo(body));
    }

    @Test
    void refusesABodyAnnouncedOverTheLimitWithoutWaitingForIt() {
        // when: the headers promise 10 MiB, and none of it is sent
        RawHttp.Answer answer = raw.send("POST /api/v1/supervisions HTTP/1.1", new String[] {
            "Authorization: Bearer " + supervisorToken(), "Content-Type: application/json",
            "Content-Length: " + 10 * LIMIT}, out -> { });

        // then
        assertProblem(answer, 413, "payload-too-large");
        assertThat(SUPERVISION.received()).isEmpty();
    }

    @Test
    void refusesAChunkedBodyWithoutLengthOnceItPassesTheLimit() {
        // when: 17 chunks of 64 KiB, no Content-Length
        RawHttp.Answer answer = raw.send("POST /api/v1/webhooks HTTP/1.1", new String[] {
            "Authorization: Bearer " + supervisorToken(), "Content-Type: application/json",
            "Transfer-Encoding: chunked"}, out -> writeChunks(out, 17, 64 * 1024));

        // then
        assertProblem(answer, 413, "payload-too-large");
        assertThat(NOTIFICATION.received()).isEmpty();
    }

    @Test
    void refusesABodyOfUnknownLengthFromAnOrdinaryClient() {
        // given: the JDK client sends a body of unknown length chunked
        byte[] body = jsonOfLength(LIMIT + 1).getBytes(StandardCharsets.UTF_8);

        // when
        HttpResponse<String> response = gateway.send(gateway.request("/api/v1/measures")
                .header("Authorization", "Bearer " + supervisorToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));

        // then
        assertProblem(response, 413, "payload-too-large");
        assertThat(SUPERVISION.received()).isEmpty();
    }

    @Test
    void forwardsAChunkedBodyWithinTheLimitWhole() {
        // when: 3 chunks of 1000 bytes
        RawHttp.Answer answer = raw.send("POST /api/v1/units HTTP/1.1", new String[] {
            "Authorization: Bearer " + supervisorToken(), "Content-Type: application/json",
            "Transfer-Encoding: chunked"}, out -> writeChunks(out, 3, 1000));

        // then
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(INTAKE.received()).singleElement()
                .satisfies(received -> assertThat(received.body()).isEqualTo("x".repeat(3000)));
    }

    @Test
    void refusesAnOversizedBodyOnTheOpenPublicEndpointToo() {
        // when: no token needed here
        HttpResponse<String> response = gateway.postJson("/api/v1/public/evaluations", jsonOfLength(2 * LIMIT));

        // then
        assertProblem(response, 413, "payload-too-large");
        assertThat(INTAKE.received()).isEmpty();
    }

    @Test
    void answersAnOversizedBodyWithoutATokenUnauthenticatedWithoutReadingIt() {
        // when
        HttpResponse<String> response = gateway.postJson("/api/v1/cases", jsonOfLength(2 * LIMIT));

        // then
        assertProblem(response, 401, "unauthenticated");
        assertThat(INTAKE.received()).isEmpty();
    }

    /** A JSON document of exactly {@code length} bytes. */
    private static String jsonOfLength(int length) {
        String start = "{\"summary\":\"";
        String end = "\"}";
        return start + "x".repeat(length - start.length() - end.length()) + end;
    }

    private static void writeChunks(OutputStream out, int chunks, int chunkSize) throws java.io.IOException {
        byte[] chunk = "x".repeat(chunkSize).getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < chunks; i++) {
            out.write((Integer.toHexString(chunkSize) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(chunk);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    }
}
