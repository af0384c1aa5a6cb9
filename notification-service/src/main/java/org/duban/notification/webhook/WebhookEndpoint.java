package org.duban.notification.webhook;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An HTTP endpoint of a unit that receives the unit's messages, signed with its secrets.
 *
 * @param eventTypes the event types it wants; empty means all
 * @param secrets    the current secret last; earlier ones only while their grace period lasts
 * @param status     ACTIVE, or DISABLED once the receiver answered 410 Gone
 */
public record WebhookEndpoint(
        String id,
        String unitId,
        URI url,
        Set<String> eventTypes,
        List<WebhookSecret> secrets,
        Status status,
        String disabledReason,
        Instant createdAt,
        long version) {

    public enum Status { ACTIVE, DISABLED }

    public WebhookEndpoint {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(unitId, "unitId");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        eventTypes = Set.copyOf(eventTypes);
        secrets = List.copyOf(secrets);
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("an endpoint needs a secret");
        }
    }

    public boolean isActive() {
        return status == Status.ACTIVE;
    }

    public boolean wants(String eventType) {
        return eventTypes.isEmpty() || eventTypes.contains(eventType);
    }

    /** The secrets that sign a message sent now: the current one and those still in their grace period. */
    public List<WebhookSecret> signingSecrets(Instant now) {
        return secrets.stream().filter(secret -> secret.signsAt(now)).toList();
    }

    public WebhookSecret currentSecret() {
        return secrets.get(secrets.size() - 1);
    }

    /**
     * A new current secret; the previous one keeps signing for {@code grace}, expired ones are dropped.
     */
    public WebhookEndpoint rotate(WebhookSecret fresh, Instant now, Duration grace) {
        List<WebhookSecret> kept = new ArrayList<>();
        for (WebhookSecret secret : secrets) {
            WebhookSecret expiring = secret.expiringAt(now.plus(grace));
            if (expiring.signsAt(now)) {
                kept.add(expiring);
            }
        }
        kept.add(fresh);
        return new WebhookEndpoint(id, unitId, url, eventTypes, kept, status, disabledReason, createdAt, version);
    }
}
