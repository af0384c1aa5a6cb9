package org.duban.console.supervision.orders;

import java.util.List;

import org.duban.client.intake.model.Unit;
import org.duban.console.web.PageView;

/**
 * The list of supervision orders as the landing page shows it.
 *
 * @param status        the status filter, or null for all
 * @param unitId        the unit filter, or null for all
 * @param proposals     proposals (督办建议) waiting for a supervisor, within the unit filter
 * @param proposalsHref the tab of those proposals
 * @param tabs          the status tabs
 * @param units         the units to filter by
 */
record OrdersView(String status, String unitId, long proposals, String proposalsHref, List<Tab> tabs,
        List<OrderLine> lines, List<Unit> units, PageView page) {

    /** A status tab; {@code status} null for 全部. */
    record Tab(String status, String href, boolean current) {
    }
}
