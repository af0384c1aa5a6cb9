package org.duban.platform.architecture.petitions.order;

import java.time.Duration;
import java.time.Instant;
import org.duban.platform.architecture.DeliberateViolation;

@DeliberateViolation("timeComesFromTheInjectedClock")
final class OrderDeadline {

    boolean passed(Order order, Duration allowed) {
        return order.openedAt().plus(allowed).isBefore(Instant.now());
    }
}
