package org.duban.gateway.routing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.duban.gateway.testing.RunningGateway;
import org.duban.gateway.testing.TokenFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One client connection, kept alive, carries request after request whatever the gateway answered before: answers
 * it gave itself (401, before reading a body) and answers the services gave, streamed with their length. A client
 * that sends its next request as soon as it has read an answer's last byte may reach the gateway before the gateway
 * has ended that answer (the end of a streamed answer is written after its bytes); the request is then held until
 * the previous one ends. Reactor Netty 1.3.6 did not read from the connection again after answering such a held
 * request when its end had been held too (reactor/reactor-netty#4361, fixed in 1.3.8, which Spring Boot 4.0.9
 * brings): the next request was never read, and the caller waited until it gave up — once in three system-test runs
 * of the forwarder (ADR 0017), within six rounds here. A request never read shows as "no answer".
 */
class KeptAliveConnectionTest extends RunningGateway {

    private static final int ROUNDS = 150;
    private static final int ANSWER_WITHIN_MS = 5_000;

    @LocalServerPort
    private int port;

    @Test
    void answersEveryRequestOfOneKeptAliveConnectionWhateverWasAnsweredBefore() throws IOException {
        // given
        String valid = "Authorization: Bearer " + TokenFixtures.supervisorToken();
        String forged = "Authorization: Bearer " + TokenFixtures.tokenSignedByAnotherKey();
        String expired = "Authorization: Bearer " + TokenFixtures.expiredToken();
        String body = "{\"title\":\"" + "x".repeat(2_000) + "\"}";
        List<String> statuses = new ArrayList<>();

        // when
        try (Connection connection = new Connection(port)) {
            for (int round = 0; round < ROUNDS; round++) {
                statuses.add(connection.exchange("GET /api/v1/deliveries", null));
                statuses.add(connection.exchange("GET /api/v1/deliveries", null, forged));
                statuses.add(connection.exchange("GET /api/v1/deliveries", null, expired));
                statuses.add(connection.exchange("POST /api/v1/cases", body));
                statuses.add(connection.exchange("POST /api/v1/cases", body, forged));
                statuses.add(connection.exchange("GET /api/v1/units", null, valid));
                statuses.add(connection.exchange("POST /api/v1/cases", body, valid));
                statuses.add(connection.exchange("GET /api/v1/deliveries", null, forged));
                if (statuses.stream().anyMatch(status -> status.endsWith("no answer"))) {
                    break;
                }
            }
        }

        // then
        List<String> expected = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            expected.addAll(List.of("GET /api/v1/deliveries 401", "GET /api/v1/deliveries 401",
                    "GET /api/v1/deliveries 401", "POST /api/v1/cases 401", "POST /api/v1/cases 401",
                    "GET /api/v1/units 200", "POST /api/v1/cases 200", "GET /api/v1/deliveries 401"));
        }
        assertThat(statuses).isEqualTo(expected);
    }

    /** One kept-alive HTTP/1.1 connection; each exchange writes a request whole and reads its answer whole. */
    private static final class Connection implements AutoCloseable {

        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        private final int port;

        Connection(int port) throws IOException {
            this.port = port;
            this.socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setSoTimeout(ANSWER_WITHIN_MS);
            socket.setTcpNoDelay(true);
            this.out = socket.getOutputStream();
            this.in = socket.getInputStream();
        }

        /** "METHOD path status", or "METHOD path no answer" when none came in time. */
        String exchange(String request, String body, String... headerLines) throws IOException {
            StringBuilder head = new StringBuilder(request).append(" HTTP/1.1\r\n")
                    .append("Host: localhost:").append(port).append("\r\n");
            for (String line : headerLines) {
                head.append(line).append("\r\n");
            }
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            if (body != null) {
                head.append("Content-Type: application/json\r\nContent-Length: ").append(content.length).append("\r\n");
            }
            head.append("\r\n");
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            try {
                return request + " " + readAnswer();
            } catch (SocketTimeoutException none) {
                return request + " no answer";
            }
        }

        private int readAnswer() throws IOException {
            String statusLine = line();
            if (statusLine == null) {
                throw new IOException("the gateway closed the connection");
            }
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            int length = 0;
            for (String line = line(); line != null && !line.isEmpty(); line = line()) {
                String lower = line.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Integer.parseInt(lower.substring(15).trim());
                }
                assertThat(lower).as("a kept-alive answer").doesNotStartWith("transfer-encoding")
                        .isNotEqualTo("connection: close");
            }
            in.readNBytes(length);
            return status;
        }

        private String line() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int next = in.read(); next != -1; next = in.read()) {
                if (next == '\n') {
                    byte[] bytes = line.toByteArray();
                    return new String(bytes, 0, Math.max(0, bytes.length - 1), StandardCharsets.ISO_8859_1);
                }
                line.write(next);
            }
            return null;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
