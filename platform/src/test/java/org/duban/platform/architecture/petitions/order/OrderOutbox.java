package org.duban.platform.architecture.petitions.order;

import java.util.List;
import org.duban.platform.architecture.DeliberateViolation;
import org.duban.platform.events.PendingEvent;

/** The outbox leaking into a use case. */
@DeliberateViolation("featureCodeDependsOnNoFramework")
public interface OrderOutbox {

    void add(Order order, List<PendingEvent> events);
}
