package org.duban.notification;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The service's settings ({@code duban.notification.*}); see the README's configuration table.
 *
 * @param templatesDir the office's template directory (files there win over the shipped defaults); null for none
 */
@ConfigurationProperties("duban.notification")
public record NotificationProperties(
        Path templatesDir,
        @DefaultValue Webhooks webhooks,
        @DefaultValue Delivery delivery,
        @DefaultValue Email email) {

    /**
     * @param allowHttp      plain {@code http} targets (the local profile allows them); otherwise {@code https} only
     * @param allowLoopback  targets on 127.0.0.0/8 and ::1 (the local profile allows them)
     * @param allowPrivate   targets on private, unique-local and link-local networks
     * @param timeout        connect and answer time of one attempt
     * @param perEndpoint    attempts to one endpoint in flight at once
     * @param secretGrace    how long a rotated-out secret keeps signing
     * @param breaker        the circuit breaker each endpoint has
     * @param idempotencyRetention how long a registration's {@code Idempotency-Key} is remembered
     */
    public record Webhooks(
            @DefaultValue("false") boolean allowHttp,
            @DefaultValue("false") boolean allowLoopback,
            @DefaultValue("false") boolean allowPrivate,
            @DefaultValue("15s") Duration timeout,
            @DefaultValue("2") int perEndpoint,
            @DefaultValue("24h") Duration secretGrace,
            @DefaultValue Breaker breaker,
            @DefaultValue("7d") Duration idempotencyRetention) {
    }

    /**
     * @param failureRateThreshold per cent of failed calls in the window that opens the breaker
     * @param minimumCalls         calls in the window before the rate counts
     * @param window               calls the rate is computed over
     * @param openWait             how long the breaker stays open before it lets a trial call through
     */
    public record Breaker(
            @DefaultValue("50") float failureRateThreshold,
            @DefaultValue("5") int minimumCalls,
            @DefaultValue("10") int window,
            @DefaultValue("60s") Duration openWait) {
    }

    /**
     * @param retrySchedule the delay before the first attempt, then after each failed one
     * @param jitter        each delay varies by up to this share (0.1 = ±10 %)
     * @param retention     how long a delivery that failed for good is kept for redelivery
     * @param dispatcher    whether this instance sends (off: it only stores deliveries)
     * @param lease         how long a claimed delivery stays claimed if its dispatcher dies
     * @param pollInterval  the longest the dispatcher sleeps when nothing is due
     * @param workers       attempts in flight at once
     */
    public record Delivery(
            @DefaultValue({"0s", "5s", "5m", "30m", "2h", "5h", "10h", "14h", "20h", "24h"}) List<Duration> retrySchedule,
            @DefaultValue("0.1") double jitter,
            @DefaultValue("30d") Duration retention,
            @DefaultValue("true") boolean dispatcher,
            @DefaultValue("2m") Duration lease,
            @DefaultValue("1s") Duration pollInterval,
            @DefaultValue("8") int workers) {
    }

    /**
     * @param enabled      whether units' contacts are e-mailed (needs {@code spring.mail.host})
     * @param from         the sender address
     * @param contactsWait how long an e-mail waits for its unit's contacts ({@code UnitRegistered}) when the
     *                     message came first; then it fails for good
     */
    public record Email(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("duban-noreply@localhost") String from,
            @DefaultValue("1h") Duration contactsWait) {
    }
}
