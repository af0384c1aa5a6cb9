import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The platform as the benchmarks call it: through the gateway, with the dev tokens of the README's
 * walk-through, as a supervisor or a unit would. Shared by bench/capacity, bench/consumer-scaling and
 * bench/webhook-latency (compiled beside each of them by their run.sh).
 */
final class BenchGateway {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    private static final int ATTEMPTS = 3;

    private final String base;

    BenchGateway(String base) {
        this.base = base;
    }

    String base() {
        return base;
    }

    /** A dev token for the claims (JSON), e.g. {@code {"subject":"bench","roles":["SUPERVISOR"]}}. */
    String token(String claims) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/dev/tokens"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(claims)).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher token = TOKEN.matcher(response.body());
        if (response.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException("no dev token: " + response.statusCode() + " " + response.body());
        }
        return token.group(1);
    }

    /** One POST with a fresh Idempotency-Key; the caller judges the answer. */
    HttpResponse<String> post(String path, String token, String json) throws IOException, InterruptedException {
        return post(path, token, json, UUID.randomUUID().toString());
    }

    /**
     * Creates a resource and returns its id: 201 expected; a 5xx is retried (up to three attempts in all, a second
     * apart) with the same Idempotency-Key, so that a retry never creates a second one.
     */
    String create(String path, String token, String json) throws IOException, InterruptedException {
        String key = UUID.randomUUID().toString();
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response = post(path, token, json, key);
            Matcher id = ID.matcher(response.body());
            if (response.statusCode() == 201 && id.find()) {
                return id.group(1);
            }
            if (attempt == ATTEMPTS || response.statusCode() < 500) {
                throw new IllegalStateException("POST " + path + ": " + response.statusCode() + " " + response.body());
            }
            Thread.sleep(1_000);
        }
    }

    /** One GET; the caller judges the answer. */
    HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String token, String json, String idempotencyKey)
            throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
