package org.duban.supervision.order;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.duban.supervision.deadline.OverdueAssignments;
import org.duban.supervision.deadline.TrackedAssignment;
import org.duban.supervision.reminder.Deadline;
import org.duban.supervision.reminder.Reminders;

/**
 * Opens (policy AUTO) or proposes (policy PROPOSE) a supervision order when an assignment turns
 * overdue. The order's id is derived from the assignment and the deadline that passed, so however
 * often the sweep calls this for them (two instances, a repeat after a crash) the store's unique id
 * lets one order in; a later deadline (after a send-back) may get its own.
 */
public final class AutomaticOrders implements OverdueAssignments {

    private final SupervisionOrders orders;
    private final OverduePolicy policy;

    public AutomaticOrders(SupervisionOrders orders, OverduePolicy policy) {
        this.orders = orders;
        this.policy = policy;
    }

    @Override
    public void turnedOverdue(TrackedAssignment assignment, Deadline deadline, Instant now) {
        String id = idFor(assignment.assignmentId(), deadline);
        if (orders.find(id).isPresent()) {
            return;
        }
        SupervisionOrder order = policy.mode() == OverduePolicy.Mode.AUTO
                ? SupervisionOrder.open(id, assignment, OrderTrigger.OVERDUE, policy.form(), null,
                        now.plus(policy.responsePeriod()), true, now, Reminders.SWEEP)
                : SupervisionOrder.propose(id, assignment, now, Reminders.SWEEP);
        orders.insert(order);
    }

    /** The one id an automatic order on this assignment and deadline can have. */
    static String idFor(String assignmentId, Deadline deadline) {
        String name = "overdue|" + assignmentId + "|" + deadline.kind() + "|" + deadline.at().toEpochMilli();
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
