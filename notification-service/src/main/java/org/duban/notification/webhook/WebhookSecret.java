package org.duban.notification.webhook;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/**
 * A signing secret of an endpoint: {@code whsec_} followed by the base64 of 32 random key bytes
 * (Standard Webhooks 1.0). A rotated-out secret keeps signing until {@code expiresAt}. Its text is revealed
 * only to sign and in the answer that hands it out; the store keeps it encrypted (ADR 0011).
 *
 * @param expiresAt null for the current secret; the end of the grace period for a previous one
 */
public record WebhookSecret(SecretText text, Instant createdAt, Instant expiresAt) {

    public static final String PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    public WebhookSecret {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** A secret known in the clear. */
    public WebhookSecret(String value, Instant createdAt, Instant expiresAt) {
        this(SecretText.of(checked(value)), createdAt, expiresAt);
    }

    public static WebhookSecret generate(Instant now) {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return new WebhookSecret(PREFIX + Base64.getEncoder().encodeToString(key), now, null);
    }

    /** The secret's text, {@code whsec_…}: revealed now. */
    public String value() {
        return checked(text.reveal());
    }

    /** The HMAC key: the base64-decoded part after {@code whsec_}. */
    public byte[] key() {
        return Base64.getDecoder().decode(value().substring(PREFIX.length()));
    }

    public boolean signsAt(Instant now) {
        return expiresAt == null || now.isBefore(expiresAt);
    }

    WebhookSecret expiringAt(Instant at) {
        return expiresAt != null ? this : new WebhookSecret(text, createdAt, at);
    }

    @Override
    public String toString() {
        return "WebhookSecret[createdAt=" + createdAt + ", expiresAt=" + expiresAt + "]";
    }

    private static String checked(String value) {
        Objects.requireNonNull(value, "value");
        if (!value.startsWith(PREFIX)) {
            throw new IllegalArgumentException("a webhook secret starts with " + PREFIX);
        }
        return value;
    }
}
