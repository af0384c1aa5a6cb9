package org.duban.notification.delivery;

/**
 * Where the scheduler hands what it stores: the dispatcher. A new delivery is given to it as it is
 * stored, so its first attempt starts at once instead of when the dispatcher next searches the store.
 */
public interface DeliveryHandOver {

    /** A delivery just stored: attempted at once when it is due now, otherwise when it comes due. */
    void handOver(Delivery delivery);

    /** Stored deliveries became due (their unit's contacts arrived, a redelivery): look again now. */
    void wakeUp();
}
