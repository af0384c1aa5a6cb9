package org.duban.notification.webhook;

import java.time.Instant;
import java.util.Objects;

/**
 * An endpoint and its new secret, the only time the secret is shown.
 *
 * @param previousSecretExpiresAt after a rotation, until when the old secret signs as well; else null
 */
public record WebhookRegistration(WebhookEndpoint endpoint, String secret, Instant previousSecretExpiresAt) {

    public WebhookRegistration {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(secret, "secret");
    }
}
