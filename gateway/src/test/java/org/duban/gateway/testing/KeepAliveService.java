package org.duban.gateway.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A service over plain sockets that keeps HTTP/1.1 connections alive, as Tomcat does, and can close them
 * the way a server closes a kept-alive connection that it no longer wants: after {@code requestsPerConnection}
 * answers, the next request to arrive on that connection is read and the connection closed without an
 * answer, as when the server's keep-alive timeout and a new request cross. Such a close hits each request
 * (known by its {@code X-Request-Id}) at most once, so a second attempt on another connection is answered —
 * the close is the connection's failure, not the service's. Every answer is a 200 after {@code delay}.
 */
public final class KeepAliveService extends SocketService {

    private final int requestsPerConnection;
    private final Duration delay;
    private final Set<String> closedOn = ConcurrentHashMap.newKeySet();
    private final AtomicInteger answered = new AtomicInteger();

    private KeepAliveService(int requestsPerConnection, Duration delay) {
        this.requestsPerConnection = requestsPerConnection;
        this.delay = delay;
    }

    /** Closes each connection under the request after its {@code requestsPerConnection}-th answer. */
    public static KeepAliveService closingConnectionsAfter(int requestsPerConnection, Duration delay) {
        return new KeepAliveService(requestsPerConnection, delay);
    }

    /** Keeps every connection open and answers each request after {@code delay}. */
    public static KeepAliveService answeringAfter(Duration delay) {
        return new KeepAliveService(Integer.MAX_VALUE, delay);
    }

    /** Requests whose connection was closed under them (each once). */
    public int closedUnderARequest() {
        return closedOn.size();
    }

    public int answered() {
        return answered.get();
    }

    @Override
    protected void serve(Socket socket) throws IOException, InterruptedException {
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
        OutputStream out = socket.getOutputStream();
        for (int served = 0; ; served++) {
            String requestId = readRequestHead(in);
            if (requestId == null) {
                return;
            }
            if (served >= requestsPerConnection && closedOn.add(requestId)) {
                return;
            }
            Thread.sleep(delay.toMillis());
            byte[] body = "{\"service\":\"keep-alive\"}".getBytes(StandardCharsets.UTF_8);
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                    + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            answered.incrementAndGet();
        }
    }

    /** Reads a bodiless request's head; its X-Request-Id (or the request line), or null at the end of the stream. */
    private static String readRequestHead(BufferedReader in) throws IOException {
        String requestLine = in.readLine();
        if (requestLine == null) {
            return null;
        }
        String requestId = requestLine;
        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
            if (line.toLowerCase(Locale.ROOT).startsWith("x-request-id:")) {
                requestId = line.substring("x-request-id:".length()).trim();
            }
        }
        return requestId;
    }
}
