package org.duban.supervision.order;

import org.duban.supervision.reminder.AlertPolicy;
import org.duban.supervision.reminder.SubjectReminders;

/** Reminds units of the response deadlines of their open supervision orders, like assignments'. */
public final class OrderReminders extends SubjectReminders<SupervisionOrder> {

    public static final String SUBJECT_TYPE = "SUPERVISION_ORDER";

    public OrderReminders(SupervisionOrders orders, AlertPolicy policy) {
        super(SUBJECT_TYPE, orders, policy);
    }
}
