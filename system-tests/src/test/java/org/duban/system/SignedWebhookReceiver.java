package org.duban.system;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.duban.local.FreePort;

/**
 * A responsible unit's webhook receiver, as its own system would run it: it checks each request
 * against the unit's secret by the Standard Webhooks 1.0 rules (timestamp within five minutes, a
 * {@code v1} signature equal to base64 HMAC-SHA256 of "id.timestamp.body" under the base64-decoded
 * key after {@code whsec_}), answers 204 to a genuine one and 401 to any other, and records both.
 */
final class SignedWebhookReceiver implements AutoCloseable {

    private final HttpServer server;
    private final List<Request> requests = new ArrayList<>();
    private volatile byte[] key;

    SignedWebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", FreePort.forServer()), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/oa/duban-webhook";
    }

    void trust(String secret) {
        key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
    }

    synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        String id = exchange.getRequestHeaders().getFirst("webhook-id");
        boolean genuine = genuine(id, exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                exchange.getRequestHeaders().getFirst("webhook-signature"), body);
        synchronized (this) {
            requests.add(new Request(id, new String(body, StandardCharsets.UTF_8), genuine));
        }
        exchange.sendResponseHeaders(genuine ? 204 : 401, -1);
        exchange.close();
    }

    private boolean genuine(String id, String timestamp, String signatures, byte[] body) {
        if (key == null || id == null || timestamp == null || signatures == null
                || Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) > 300) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            byte[] expected = mac.doFinal(body);
            for (String signature : signatures.split(" ")) {
                if (signature.startsWith("v1,")
                        && MessageDigest.isEqual(expected, Base64.getDecoder().decode(signature.substring(3)))) {
                    return true;
                }
            }
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** One request: its webhook-id, its body, and whether its signature held. */
    record Request(String webhookId, String body, boolean genuine) {
    }
}
