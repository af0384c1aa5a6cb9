package org.duban.console.desk;

import java.util.List;

import org.duban.client.intake.model.ModelCase;
import org.duban.client.supervision.model.SupervisionOrder;

/**
 * One assignment's page at the unit's desk.
 *
 * @param matter    the matter with its petitioner (the handling unit may contact them); null when the
 *                  platform no longer shows it to the unit (the assignment was cancelled)
 * @param history   what happened, oldest first
 * @param orders    the supervision orders opened on it
 * @param mayObject the unit may still object (异议退回)
 */
record AssignmentPageView(DeskAssignment line, ModelCase matter, List<HistoryEntry> history,
        List<DeskLine<SupervisionOrder>> orders, boolean mayObject) {
}
