package org.duban.notification.webhook;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.duban.platform.idempotency.IdempotencyKeys;

/** Idempotency keys in a map, for plain tests. */
public final class InMemoryIdempotencyKeys implements IdempotencyKeys {

    private final Map<String, Reservation> reservations = new ConcurrentHashMap<>();

    @Override
    public Reservation reserve(String key, String resourceId, String fingerprint) {
        return reservations.computeIfAbsent(key, k -> new Reservation(resourceId, fingerprint));
    }
}
