package org.duban.client;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The one {@link ApiClient} a unit's system needs for every Duban operation: the gateway's address, the caller's
 * bearer token, timeouts and, if wanted, retries of the calls that are safe to repeat. Hand it to each API object
 * ({@code new AssignmentsApi(client)}, {@code new InboxApi(client)}, …); configure it before creating them.
 *
 * <p>The token is asked for on every call (a {@link Supplier} may renew it) and is sent as
 * {@code Authorization: Bearer …} on every operation except the public ones (the petitioner's progress and
 * evaluation, the local profile's dev tokens), which never carry it.
 *
 * <p>Retries are off unless {@link #setRetries(int)} turns them on. Only reads ({@code GET}) and calls that carry an
 * {@code Idempotency-Key} are repeated — the platform answers a repeated key with the first answer and has no
 * second effect — after a failed exchange (connection refused or reset, timeout) or an answer 429, 502, 503 or 504.
 */
public class DubanApiClient extends ApiClient {

    /** How long a call may take to connect unless {@link #setConnectTimeout(Duration)} says otherwise. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** How long a call may wait for its answer unless {@link #setReadTimeout(Duration)} says otherwise. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);

    private volatile Supplier<String> bearerToken = () -> null;
    private volatile int retries;
    private volatile Duration firstBackoff = Duration.ofMillis(500);

    /**
     * @param gatewayUrl the gateway's address, e.g. {@code https://duban.example.gov.cn}; a path after the host is
     *                   kept as the prefix of every operation's path
     */
    public DubanApiClient(String gatewayUrl) {
        Objects.requireNonNull(gatewayUrl, "gatewayUrl");
        updateBaseUri(gatewayUrl.replaceAll("/+$", ""));
        setConnectTimeout(DEFAULT_CONNECT_TIMEOUT);
        setReadTimeout(DEFAULT_READ_TIMEOUT);
    }

    /**
     * @param token the caller's JWT (a unit's carries role {@code UNIT} and its {@code unitId}); {@code null} for none
     * @return this client
     */
    public DubanApiClient setBearerToken(String token) {
        return setBearerToken(() -> token);
    }

    /**
     * @param tokens asked on every call for the current token, so that a renewed token is used as soon as it exists;
     *               a {@code null} or blank answer sends none
     * @return this client
     */
    public DubanApiClient setBearerToken(Supplier<String> tokens) {
        this.bearerToken = Objects.requireNonNull(tokens, "tokens");
        return this;
    }

    /**
     * Repeats a read or a call with an {@code Idempotency-Key} up to {@code retries} times, waiting 0.5 s, 1 s, 2 s, …
     * between the attempts (longer when the answer's {@code Retry-After} asks for it, up to 30 s).
     *
     * @param retries how many times to repeat at most; 0 (the default) repeats nothing
     * @return this client
     */
    public DubanApiClient setRetries(int retries) {
        return setRetries(retries, Duration.ofMillis(500));
    }

    /**
     * @param retries      how many times to repeat at most; 0 repeats nothing
     * @param firstBackoff the wait before the first repetition, doubled before each next one
     * @return this client
     */
    public DubanApiClient setRetries(int retries, Duration firstBackoff) {
        if (retries < 0) {
            throw new IllegalArgumentException("retries must not be negative: " + retries);
        }
        if (firstBackoff.isNegative()) {
            throw new IllegalArgumentException("firstBackoff must not be negative: " + firstBackoff);
        }
        this.retries = retries;
        this.firstBackoff = firstBackoff;
        return this;
    }

    @Override
    public DubanApiClient setConnectTimeout(Duration connectTimeout) {
        super.setConnectTimeout(connectTimeout);
        return this;
    }

    @Override
    public DubanApiClient setReadTimeout(Duration readTimeout) {
        super.setReadTimeout(readTimeout);
        return this;
    }

    /** The bearer token first, then an interceptor set with {@link #setRequestInterceptor(Consumer)}. */
    @Override
    public Consumer<HttpRequest.Builder> getRequestInterceptor() {
        Consumer<HttpRequest.Builder> authorize = this::authorize;
        Consumer<HttpRequest.Builder> own = super.getRequestInterceptor();
        return own == null ? authorize : authorize.andThen(own);
    }

    @Override
    public HttpClient getHttpClient() {
        HttpClient client = super.getHttpClient();
        return retries == 0 ? client : new RetryingHttpClient(client, retries, firstBackoff);
    }

    private void authorize(HttpRequest.Builder request) {
        String token = bearerToken.get();
        if (token != null && !token.isBlank() && !PublicOperations.isPublic(request.copy().build())) {
            request.setHeader("Authorization", "Bearer " + token);
        }
    }
}
