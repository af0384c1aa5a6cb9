package org.duban.console.assignments;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.duban.client.intake.model.Assignment;
import org.duban.client.intake.model.AssignmentExtension;
import org.duban.client.intake.model.AssignmentStatus;
import org.duban.client.intake.model.Unit;
import org.duban.client.supervision.model.SupervisionOrder;

/**
 * One assignment as a supervisor follows it: the platform's answer, the unit's name, the time left, the
 * extension request waiting for a decision, its supervision orders, and the units a matter can be
 * reassigned to when an objection is upheld.
 *
 * @param acceptanceLeft   time left to sign for it while ASSIGNED, else null
 * @param resultLeft       time left to the result deadline while the unit owes the result, else null
 * @param pendingExtension the extension request waiting for a decision, or null
 * @param orders           its supervision orders, newest first (the first page)
 * @param ordersTotal      how many supervision orders it has in all
 * @param units            every registered unit, for the reassignment picker
 */
public record AssignmentView(Assignment assignment, String unitName, Remaining acceptanceLeft, Remaining resultLeft,
        AssignmentExtension pendingExtension, List<SupervisionOrder> orders, long ordersTotal, List<Unit> units) {

    /** The unit still owes the result: the result deadline runs and may pass. */
    static final Set<AssignmentStatus> RUNNING = EnumSet.of(AssignmentStatus.ASSIGNED, AssignmentStatus.OBJECTED,
            AssignmentStatus.ACCEPTED);
    /** Not concluded nor cancelled: a supervisor may still supervise or cancel it. */
    static final Set<AssignmentStatus> OPEN = EnumSet.of(AssignmentStatus.ASSIGNED, AssignmentStatus.OBJECTED,
            AssignmentStatus.ACCEPTED, AssignmentStatus.REPORTED);

    public AssignmentView {
        orders = List.copyOf(orders);
        units = List.copyOf(units);
    }

    public String status() {
        return assignment.getStatus().getValue();
    }

    public boolean open() {
        return OPEN.contains(assignment.getStatus());
    }

    /** A final report waits for the supervisor's review. */
    public boolean awaitingReview() {
        return assignment.getStatus() == AssignmentStatus.REPORTED;
    }

    /** The unit's objection waits for the supervisor's decision. */
    public boolean awaitingObjectionDecision() {
        return assignment.getStatus() == AssignmentStatus.OBJECTED;
    }

    /** Something waits for a supervisor's decision on this assignment. */
    public boolean decisionWaiting() {
        return awaitingReview() || awaitingObjectionDecision() || pendingExtension != null;
    }

    /** The extension requests already decided (or all but the pending one), oldest first. */
    public List<AssignmentExtension> extensionHistory() {
        List<AssignmentExtension> all = assignment.getExtensions() == null ? List.of() : assignment.getExtensions();
        return all.stream().filter(extension -> extension != pendingExtension).toList();
    }
}
