package org.duban.supervision.order;

import java.time.Duration;
import java.util.Objects;

/**
 * The office's policy for supervision orders.
 *
 * @param mode           what happens when an assignment turns overdue: AUTO opens an order at once
 *                       (actor SYSTEM), PROPOSE records a proposal a supervisor confirms or dismisses
 * @param form           the form of an order the policy opens or proposes
 * @param responsePeriod the default time the unit has for its written response
 */
public record OverduePolicy(Mode mode, OrderForm form, Duration responsePeriod) {

    public enum Mode { AUTO, PROPOSE }

    public OverduePolicy {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(form, "form");
        if (responsePeriod == null || responsePeriod.isNegative() || responsePeriod.isZero()) {
            throw new IllegalArgumentException("responsePeriod must be positive");
        }
    }
}
