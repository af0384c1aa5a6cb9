package org.duban.notification.webhook;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link WebhookEndpoints} in a map, for use-case tests. */
public final class InMemoryWebhookEndpoints implements WebhookEndpoints {

    private final Map<String, WebhookEndpoint> byId = new LinkedHashMap<>();

    private boolean hideNextRead;

    /** The next {@code byId} finds nothing: what a concurrent request sees just before another stores. */
    synchronized void hideNextRead() {
        hideNextRead = true;
    }

    @Override
    public synchronized boolean insertIfAbsent(WebhookEndpoint endpoint) {
        return byId.putIfAbsent(endpoint.id(), endpoint) == null;
    }

    @Override
    public synchronized Optional<WebhookEndpoint> byId(String id) {
        if (hideNextRead) {
            hideNextRead = false;
            return Optional.empty();
        }
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public synchronized List<WebhookEndpoint> of(String unitId) {
        return byId.values().stream().filter(e -> unitId == null || e.unitId().equals(unitId)).toList();
    }

    @Override
    public synchronized boolean delete(String id) {
        return byId.remove(id) != null;
    }

    @Override
    public synchronized boolean storeSecrets(WebhookEndpoint endpoint, long expectedVersion) {
        WebhookEndpoint stored = byId.get(endpoint.id());
        if (stored == null || stored.version() != expectedVersion) {
            return false;
        }
        byId.put(endpoint.id(), new WebhookEndpoint(stored.id(), stored.unitId(), stored.url(), stored.eventTypes(),
                endpoint.secrets(), stored.status(), stored.disabledReason(), stored.createdAt(), stored.version() + 1));
        return true;
    }

    @Override
    public synchronized void disable(String id, String reason, Instant at) {
        WebhookEndpoint stored = byId.get(id);
        byId.put(id, new WebhookEndpoint(stored.id(), stored.unitId(), stored.url(), stored.eventTypes(),
                stored.secrets(), WebhookEndpoint.Status.DISABLED, reason, stored.createdAt(), stored.version() + 1));
    }
}
