package org.duban.supervision;

import java.time.Duration;

import org.duban.supervision.order.OrderForm;
import org.duban.supervision.order.OverduePolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Supervision order settings ({@code duban.supervision.orders.*}).
 *
 * @param overduePolicy  AUTO: an order opens when an assignment turns overdue; PROPOSE: a proposal
 *                       waits for a supervisor
 * @param form           the form of the orders the policy opens or proposes
 * @param responsePeriod the default time a unit has to respond to an order
 */
@ConfigurationProperties("duban.supervision.orders")
public record OrderProperties(
        @DefaultValue("PROPOSE") OverduePolicy.Mode overduePolicy,
        @DefaultValue("LETTER") OrderForm form,
        @DefaultValue("7d") Duration responsePeriod) {

    public OverduePolicy policy() {
        return new OverduePolicy(overduePolicy, form, responsePeriod);
    }
}
