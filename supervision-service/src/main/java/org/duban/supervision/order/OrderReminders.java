package org.duban.supervision.order;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.duban.contracts.events.ReminderIssued;
import org.duban.platform.events.PendingEvents;
import org.duban.supervision.deadline.AlertColour;
import org.duban.supervision.deadline.AlertPolicy;
import org.duban.supervision.deadline.Deadline;
import org.duban.supervision.deadline.ReminderSource;
import org.duban.supervision.deadline.Reminders;

/** Reminds units of the response deadlines of their open supervision orders, like assignments'. */
public final class OrderReminders implements ReminderSource {

    public static final String SUBJECT_TYPE = "SUPERVISION_ORDER";

    private final SupervisionOrders orders;
    private final AlertPolicy policy;
    private final PendingEvents events;

    public OrderReminders(SupervisionOrders orders, AlertPolicy policy, PendingEvents events) {
        this.orders = orders;
        this.policy = policy;
        this.events = events;
    }

    @Override
    public String subjectType() {
        return SUBJECT_TYPE;
    }

    @Override
    public List<String> dueForReminder(Instant now, int limit) {
        return orders.dueForReminder(now, limit);
    }

    @Override
    public int remind(String id, Instant now) {
        Optional<SupervisionOrder> found = orders.find(id);
        if (found.isEmpty()) {
            return 0;
        }
        SupervisionOrder order = found.get();
        Deadline deadline = order.applicableDeadline().orElse(null);
        Optional<AlertColour> due = policy.reminderDue(deadline, order.reminded(), now);
        if (due.isEmpty()) {
            orders.updateIfUnchanged(order, List.of());
            return 0;
        }
        ReminderIssued reminder = Reminders.issued(SUBJECT_TYPE, id, deadline, due.get(), order.caseId(),
                order.assignmentId(), order.unitId(), now);
        return orders.updateIfUnchanged(order.remind(due.get()), List.of(events.of(id, reminder))) ? 1 : 0;
    }
}
