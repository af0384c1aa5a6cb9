package org.duban.supervision.order;

import org.duban.platform.domain.Page;
import org.duban.platform.domain.PageRequest;
import org.duban.supervision.reminder.RemindableStore;

/** The supervision orders, with their pending events in the same document. */
public interface SupervisionOrders extends RemindableStore<SupervisionOrder> {

    /**
     * Orders matching the filter, newest first. Null filter values match anything.
     *
     * @param forUnit the caller is the unit: proposals and dismissed proposals (the office's own
     *                business until a supervisor confirms one) are left out
     */
    Page<SupervisionOrder> list(String unitId, boolean forUnit, OrderStatus status, String assignmentId,
            PageRequest page);
}
