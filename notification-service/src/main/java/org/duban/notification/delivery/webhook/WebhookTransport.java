package org.duban.notification.delivery.webhook;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.duban.notification.delivery.AttemptOutcome;
import org.duban.notification.delivery.Channel;
import org.duban.notification.delivery.Delivery;
import org.duban.notification.delivery.RetryAfter;
import org.duban.notification.delivery.Transport;
import org.duban.notification.webhook.WebhookEndpoint;
import org.duban.notification.webhook.WebhookSecret;
import org.duban.notification.webhook.WebhookService;
import org.duban.notification.webhook.WebhookSignature;

/**
 * POSTs a delivery to its endpoint, signed per Standard Webhooks 1.0 ({@code webhook-id} = the
 * delivery id, {@code webhook-timestamp} = now in epoch seconds, {@code webhook-signature} with every
 * secret that signs now). 2xx is delivered; 410 disables the endpoint; anything else, a timeout or
 * no connection is a failure to retry, honouring {@code Retry-After} (read by {@link RetryAfter}, capped
 * by the retry schedule). Each endpoint has its own
 * Resilience4j circuit breaker, fed by timeouts, lost connections, 5xx and 429 (a receiver that is down
 * or overloaded; other 4xx come from a receiver that is up): while it is open nothing is sent there
 * and its deliveries wait. At most {@code perEndpoint} attempts to one endpoint are in flight at once,
 * so a receiver that hangs ties up that many workers at most, even before its breaker opens. The
 * request carries the W3C {@code traceparent} of the attempt's span (the trace of the event that led to
 * the message), so a receiver that traces can join it.
 */
public final class WebhookTransport implements Transport {

    /** How long a delivery waits when its endpoint already has its share of attempts in flight. */
    static final Duration BUSY_WAIT = Duration.ofMillis(250);

    private final WebhookService webhooks;
    private final HttpClient client;
    private final CircuitBreakerRegistry breakers;
    private final Duration openWait;
    private final int perEndpoint;
    private final Map<String, Semaphore> inFlight = new ConcurrentHashMap<>();
    private final Duration timeout;
    private final Supplier<String> traceparent;
    private final Clock clock;

    /**
     * @param openWait    how long a delivery waits when its endpoint's breaker is open (the breaker's open time)
     * @param perEndpoint attempts to one endpoint in flight at once
     */
    public WebhookTransport(WebhookService webhooks, CircuitBreakerRegistry breakers, Duration openWait,
            int perEndpoint, Duration timeout, Clock clock) {
        this(webhooks, breakers, openWait, perEndpoint, timeout, () -> null, clock);
    }

    /** @param traceparent the trace context of the attempt in progress (null outside any trace) */
    public WebhookTransport(WebhookService webhooks, CircuitBreakerRegistry breakers, Duration openWait,
            int perEndpoint, Duration timeout, Supplier<String> traceparent, Clock clock) {
        this.traceparent = traceparent;
        this.webhooks = webhooks;
        this.breakers = breakers;
        this.openWait = openWait;
        this.perEndpoint = perEndpoint;
        this.timeout = timeout;
        this.clock = clock;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public Channel channel() {
        return Channel.WEBHOOK;
    }

    @Override
    public AttemptOutcome attempt(Delivery delivery) {
        Optional<WebhookEndpoint> found = webhooks.endpoint(delivery.endpointId());
        if (found.isEmpty()) {
            return AttemptOutcome.permanentFailure(null, 0, "the webhook was removed");
        }
        WebhookEndpoint endpoint = found.get();
        if (!endpoint.isActive()) {
            return AttemptOutcome.permanentFailure(null, 0, "the webhook is disabled: " + endpoint.disabledReason());
        }
        Optional<String> refused = webhooks.refusal(endpoint.url());
        if (refused.isPresent()) {
            return AttemptOutcome.failure(null, 0, "target refused: " + refused.get(), null);
        }
        Semaphore slots = inFlight.computeIfAbsent(endpoint.id(), id -> new Semaphore(perEndpoint));
        if (!slots.tryAcquire()) {
            return AttemptOutcome.notAttempted(BUSY_WAIT);
        }
        try {
            return attempt(delivery, endpoint);
        } finally {
            slots.release();
        }
    }

    private AttemptOutcome attempt(Delivery delivery, WebhookEndpoint endpoint) {
        CircuitBreaker breaker = breakers.circuitBreaker(endpoint.id());
        if (!breaker.tryAcquirePermission()) {
            return AttemptOutcome.notAttempted(openWait);
        }
        long started = System.nanoTime();
        try {
            HttpResponse<Void> response = exchange(request(delivery, endpoint));
            long latency = millisSince(started);
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                breaker.onSuccess(latency, TimeUnit.MILLISECONDS);
                return AttemptOutcome.success(status, latency);
            }
            if (status >= 500 || status == 429) {
                breaker.onError(latency, TimeUnit.MILLISECONDS, new IOException("HTTP " + status));
            } else {
                // the receiver is up and answering; it refused this one message
                breaker.onSuccess(latency, TimeUnit.MILLISECONDS);
            }
            if (status == 410) {
                webhooks.disable(endpoint.id(), "the receiver answered 410 Gone");
                return AttemptOutcome.permanentFailure(status, latency, "410 Gone: the webhook is disabled");
            }
            return AttemptOutcome.failure(status, latency, "HTTP " + status,
                    RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null), clock.instant())
                            .orElse(null));
        } catch (HttpTimeoutException | TimeoutException e) {
            long latency = millisSince(started);
            breaker.onError(latency, TimeUnit.MILLISECONDS, e);
            return AttemptOutcome.failure(null, latency, "timed out after " + timeout.toMillis() + " ms", null);
        } catch (IOException e) {
            long latency = millisSince(started);
            breaker.onError(latency, TimeUnit.MILLISECONDS, e);
            return AttemptOutcome.failure(null, latency, "no answer: " + e, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            breaker.releasePermission();
            throw new IllegalStateException("interrupted while delivering " + delivery.id(), e);
        }
    }

    /**
     * Sends and waits for the whole answer at most the timeout: the request's own timeout covers only
     * the headers, and a receiver must not hold a worker by trickling its body. The body is discarded.
     */
    private HttpResponse<Void> exchange(HttpRequest request) throws IOException, InterruptedException, TimeoutException {
        CompletableFuture<HttpResponse<Void>> answer = client.sendAsync(request, HttpResponse.BodyHandlers.discarding());
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause());
        }
    }

    private HttpRequest request(Delivery delivery, WebhookEndpoint endpoint) {
        Instant now = clock.instant();
        long timestamp = now.getEpochSecond();
        List<WebhookSecret> secrets = endpoint.signingSecrets(now);
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.url());
        String trace = traceparent.get();
        if (trace != null) {
            request.header("traceparent", trace);
        }
        return request
                .timeout(timeout)
                .header("content-type", "application/json")
                .header("user-agent", "duban-notification-service")
                .header("webhook-id", delivery.id())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSignature.header(delivery.id(), timestamp, delivery.payload(), secrets))
                .POST(HttpRequest.BodyPublishers.ofString(delivery.payload(), StandardCharsets.UTF_8))
                .build();
    }

    private static long millisSince(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }
}
