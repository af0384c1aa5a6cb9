package org.duban.notification.delivery;

/** Carries one attempt of a delivery over its channel and says how it went; never throws for a failed attempt. */
public interface Transport {

    Channel channel();

    AttemptOutcome attempt(Delivery delivery);
}
