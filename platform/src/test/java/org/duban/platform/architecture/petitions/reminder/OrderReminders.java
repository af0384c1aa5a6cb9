package org.duban.platform.architecture.petitions.reminder;

import org.duban.platform.architecture.DeliberateViolation;
import org.duban.platform.architecture.petitions.order.Order;

/** reminder -> order, while order -> reminder through its port: a cycle. */
@DeliberateViolation("featuresAreFreeOfCycles")
final class OrderReminders {

    void remind(Order order, Reminders reminders) {
        reminders.remindAbout(order.id(), order.openedAt());
    }
}
