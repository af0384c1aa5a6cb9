package org.duban.notification.delivery.webhook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import javax.net.ssl.SSLContext;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.duban.notification.delivery.AttemptError;
import org.duban.notification.delivery.AttemptOutcome;
import org.duban.notification.delivery.Channel;
import org.duban.notification.delivery.Delivery;
import org.duban.notification.delivery.RetryAfter;
import org.duban.notification.delivery.Transport;
import org.duban.notification.webhook.CheckedTarget;
import org.duban.notification.webhook.TargetRefused;
import org.duban.notification.webhook.WebhookEndpoint;
import org.duban.notification.webhook.WebhookSecret;
import org.duban.notification.webhook.WebhookService;
import org.duban.notification.webhook.WebhookSignature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs a delivery to its endpoint, signed per Standard Webhooks 1.0 ({@code webhook-id} = the
 * delivery id, {@code webhook-timestamp} = now in epoch seconds, {@code webhook-signature} with every
 * secret that signs now). Before each attempt the endpoint's host is resolved once and every address
 * checked ({@link WebhookService#target}); the request then goes to exactly those addresses, over a
 * connection kept from an earlier attempt to the same name and address or a new one
 * ({@link PinnedWebhookClient}), so there is no DNS rebinding window. 2xx is delivered; 410 disables
 * the endpoint; anything else, a timeout or no connection is a failure to retry, honouring
 * {@code Retry-After} (read by {@link RetryAfter}, capped by the retry schedule). The attempt records
 * a stable reason ({@link AttemptError}); the exception behind it goes to the log only. Each endpoint
 * has its own Resilience4j circuit breaker, fed by timeouts, lost connections, 5xx and 429 (a receiver
 * that is down or overloaded; other 4xx come from a receiver that is up): while it is open nothing is
 * sent there and its deliveries wait. At most {@code perEndpoint} attempts to one endpoint are in
 * flight at once (a Resilience4j bulkhead per endpoint, which does not wait: a delivery that finds it full
 * is not attempted and waits {@link #BUSY_WAIT}), so a receiver that hangs ties up that many workers at
 * most, even before its breaker opens. Breakers and bulkheads are named after the endpoint id; those of an
 * endpoint found removed or disabled are dropped (with their metrics). The request carries the W3C
 * {@code traceparent} of the attempt's span (the trace of the event that led to the message), so a
 * receiver that traces can join it.
 */
public final class WebhookTransport implements Transport, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WebhookTransport.class);

    /** How long a delivery waits when its endpoint already has its share of attempts in flight. */
    static final Duration BUSY_WAIT = Duration.ofMillis(250);

    /**
     * @param openWait    how long a delivery waits when its endpoint's breaker is open (the breaker's open time)
     * @param perEndpoint attempts to one endpoint in flight at once
     * @param timeout     the longest one attempt takes: connect, TLS, request and the answer's head
     */
    public record Settings(Duration openWait, int perEndpoint, Duration timeout) {
    }

    private final WebhookService webhooks;
    private final PinnedWebhookClient client;
    private final CircuitBreakerRegistry breakers;
    private final Settings settings;
    private final BulkheadRegistry bulkheads;
    private final Supplier<String> traceparent;
    private final Clock clock;

    /**
     * @param sslContext  the trust receivers' certificates are verified with (the system's in production)
     * @param traceparent the trace context of the attempt in progress (null outside any trace)
     */
    public WebhookTransport(WebhookService webhooks, CircuitBreakerRegistry breakers, Settings settings,
            SSLContext sslContext, Supplier<String> traceparent, Clock clock) {
        this.webhooks = webhooks;
        this.client = new PinnedWebhookClient(settings.timeout(), sslContext);
        this.breakers = breakers;
        this.settings = settings;
        this.bulkheads = BulkheadRegistry.of(BulkheadConfig.custom()
                .maxConcurrentCalls(settings.perEndpoint())
                .maxWaitDuration(Duration.ZERO)
                .build());
        this.traceparent = traceparent;
        this.clock = clock;
    }

    /** The bulkhead of each endpoint attempted so far (named after its id), for the metrics. */
    public BulkheadRegistry bulkheads() {
        return bulkheads;
    }

    /** Closes the kept connections. */
    @Override
    public void close() {
        client.close();
    }

    @Override
    public Channel channel() {
        return Channel.WEBHOOK;
    }

    @Override
    public AttemptOutcome attempt(Delivery delivery) {
        Optional<WebhookEndpoint> found = webhooks.endpoint(delivery.target().endpointId());
        if (found.isEmpty()) {
            forget(delivery.target().endpointId());
            return AttemptOutcome.permanentFailure(null, 0, "the webhook was removed");
        }
        WebhookEndpoint endpoint = found.get();
        if (!endpoint.isActive()) {
            forget(endpoint.id());
            return AttemptOutcome.permanentFailure(null, 0, "the webhook is disabled: " + endpoint.disabledReason());
        }
        CheckedTarget target;
        try {
            target = webhooks.target(endpoint.url());
        } catch (TargetRefused refused) {
            AttemptError error = switch (refused.reason()) {
                case URL_NOT_ALLOWED -> AttemptError.URL_NOT_ALLOWED;
                case HOST_NOT_FOUND -> AttemptError.HOST_NOT_FOUND;
                case ADDRESS_NOT_ALLOWED -> AttemptError.ADDRESS_NOT_ALLOWED;
            };
            log.info("delivery {}: webhook {} (host {}) refused, nothing sent: {}", delivery.id(), endpoint.id(),
                    endpoint.url().getHost(), refused.getMessage());
            return AttemptOutcome.failure(null, 0, error.text(), null);
        }
        Bulkhead inFlight = bulkheads.bulkhead(endpoint.id());
        if (!inFlight.tryAcquirePermission()) {
            return AttemptOutcome.notAttempted(BUSY_WAIT);
        }
        try {
            return attempt(delivery, endpoint, target);
        } finally {
            inFlight.onComplete();
        }
    }

    /**
     * Drops the breaker and the bulkhead of an endpoint that is gone or disabled for good, and so their metrics.
     * An attempt still in flight releases the dropped bulkhead, which nothing uses any more.
     */
    private void forget(String endpointId) {
        breakers.remove(endpointId);
        bulkheads.remove(endpointId);
    }

    private AttemptOutcome attempt(Delivery delivery, WebhookEndpoint endpoint, CheckedTarget target) {
        CircuitBreaker breaker = breakers.circuitBreaker(endpoint.id());
        if (!breaker.tryAcquirePermission()) {
            return AttemptOutcome.notAttempted(settings.openWait());
        }
        long started = System.nanoTime();
        try {
            PinnedWebhookClient.Answer answer = client.post(target, headers(delivery, endpoint),
                    delivery.content().payload().getBytes(StandardCharsets.UTF_8));
            long latency = millisSince(started);
            int status = answer.status();
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
                forget(endpoint.id());
                return AttemptOutcome.permanentFailure(status, latency, "410 Gone: the webhook is disabled");
            }
            return AttemptOutcome.failure(status, latency, AttemptError.http(status),
                    RetryAfter.parse(answer.retryAfter(), clock.instant()).orElse(null));
        } catch (TimeoutException e) {
            long latency = millisSince(started);
            breaker.onError(latency, TimeUnit.MILLISECONDS, e);
            log.info("delivery {}: webhook {} ({}) timed out after {} ms", delivery.id(), endpoint.id(), target.host(),
                    latency);
            return AttemptOutcome.failure(null, latency, AttemptError.TIMED_OUT.text(), null);
        } catch (IOException e) {
            long latency = millisSince(started);
            breaker.onError(latency, TimeUnit.MILLISECONDS, e);
            AttemptError error = ExchangeFailures.of(e);
            // the detail (hosts, addresses, the library's words) stays here, in the service's log
            log.info("delivery {}: webhook {} ({} at {}) failed, recorded as '{}': {}", delivery.id(), endpoint.id(),
                    target.host(), target.addresses(), error.text(), e.toString());
            return AttemptOutcome.failure(null, latency, error.text(), null);
        }
    }

    private Map<String, String> headers(Delivery delivery, WebhookEndpoint endpoint) {
        Instant now = clock.instant();
        long timestamp = now.getEpochSecond();
        List<WebhookSecret> secrets = endpoint.signingSecrets(now);
        Map<String, String> headers = new LinkedHashMap<>();
        String trace = traceparent.get();
        if (trace != null) {
            headers.put("traceparent", trace);
        }
        headers.put("user-agent", "duban-notification-service");
        headers.put("webhook-id", delivery.id());
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put("webhook-signature", WebhookSignature.header(delivery.id(), timestamp, delivery.content().payload(), secrets));
        return headers;
    }

    private static long millisSince(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }
}
