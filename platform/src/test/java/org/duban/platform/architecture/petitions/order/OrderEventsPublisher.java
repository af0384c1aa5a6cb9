package org.duban.platform.architecture.petitions.order;

import org.duban.platform.architecture.DeliberateViolation;
import org.springframework.context.ApplicationEventPublisher;

@DeliberateViolation("featureCodeDependsOnNoFramework")
public final class OrderEventsPublisher {

    private final ApplicationEventPublisher spring;

    OrderEventsPublisher(ApplicationEventPublisher spring) {
        this.spring = spring;
    }

    void opened(Order order) {
        spring.publishEvent(order);
    }
}
