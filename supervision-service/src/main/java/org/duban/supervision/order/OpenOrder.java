package org.duban.supervision.order;

import java.time.Instant;

/** A supervisor's request to open an order; {@code responseDueAt} and {@code note} may be absent. */
public record OpenOrder(String assignmentId, OrderTrigger trigger, OrderForm form, Instant responseDueAt, String note) {
}
