package org.duban.platform.architecture.petitions.order.web;

import org.duban.platform.architecture.DeliberateViolation;

@DeliberateViolation("timeComesFromTheInjectedClock")
final class RequestTimer {

    long startedAt() {
        return System.currentTimeMillis();
    }
}
