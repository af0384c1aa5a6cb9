package org.duban.notification.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The stored endpoints of every unit. */
public interface WebhookEndpoints {

    /** Stores a new endpoint unless one with its id exists; returns whether it was stored. */
    boolean insertIfAbsent(WebhookEndpoint endpoint);

    Optional<WebhookEndpoint> byId(String id);

    /** A unit's endpoints, oldest first; {@code unitId} null for every unit's. */
    List<WebhookEndpoint> of(String unitId);

    boolean delete(String id);

    /** Stores the endpoint's secrets if it is still at {@code expectedVersion}. */
    boolean storeSecrets(WebhookEndpoint endpoint, long expectedVersion);

    void disable(String id, String reason, Instant at);
}
