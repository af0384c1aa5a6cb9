package org.duban.supervision.order;

import java.util.List;

import org.duban.platform.domain.Page;
import org.duban.platform.domain.PageRequest;
import org.duban.platform.events.PendingEvent;
import org.duban.supervision.deadline.RemindableSubjects;

/** The supervision orders, with their pending events in the same document. */
public interface SupervisionOrders extends RemindableSubjects<SupervisionOrder> {

    /** Stores a new order with its events; false, storing nothing, when one with its id exists. */
    boolean insert(SupervisionOrder order, List<PendingEvent> events);

    /**
     * Orders matching the filter, newest first. Null filter values match anything.
     *
     * @param forUnit the caller is the unit: proposals and dismissed proposals (the office's own
     *                business until a supervisor confirms one) are left out
     */
    Page<SupervisionOrder> list(String unitId, boolean forUnit, OrderStatus status, String assignmentId,
            PageRequest page);

    /** Every order of a unit (its record, for the escalation ladder). */
    List<SupervisionOrder> ofUnit(String unitId);
}
