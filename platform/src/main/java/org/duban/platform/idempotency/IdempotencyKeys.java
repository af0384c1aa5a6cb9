package org.duban.platform.idempotency;

/** Where idempotency keys are reserved. */
public interface IdempotencyKeys {

    /**
     * Reserves {@code key} for a new object with {@code resourceId}, or returns the earlier
     * reservation of the same key unchanged.
     */
    Reservation reserve(String key, String resourceId, String fingerprint);

    /** A reserved key: the id its object has (or will get) and the request it was made for. */
    record Reservation(String resourceId, String fingerprint) {
    }
}
