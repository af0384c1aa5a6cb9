package org.duban.notification.delivery;

/**
 * Where the scheduler stores new deliveries: through the dispatcher, which stores one that is due now
 * held by a free worker and starts its attempt at once, instead of finding it when it next searches the
 * store.
 */
public interface DeliveryHandOver {

    /**
     * Stores a new delivery unless one with its id exists; attempted at once when it is due now and a
     * worker is free, otherwise when the dispatcher's rounds come to it.
     *
     * @return whether it was stored
     */
    boolean store(Delivery delivery);

    /** Stored deliveries became due (their unit's contacts arrived, a redelivery): look again now. */
    void wakeUp();
}
