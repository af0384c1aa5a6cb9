package org.duban.console.assignments;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.duban.client.intake.api.AssignmentsApi;
import org.duban.client.intake.model.Assignment;
import org.duban.client.intake.model.AssignmentStatus;
import org.duban.client.supervision.api.SupervisionsApi;
import org.duban.client.supervision.model.SupervisionOrderPage;
import org.duban.console.platform.PlatformProblem;
import org.duban.console.platform.UnitDirectory;
import org.duban.console.security.ConsoleUser;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Puts one assignment's page together (the assignment, its unit, its supervision orders) — when it is
 * opened, and again after a decision the platform refused, with the refused form as it was typed.
 */
@Component
class AssignmentDetails {

    static final String VIEW = "assignments/assignment";
    /** Supervision orders shown on the page; an assignment rarely has more than a few. */
    static final int ORDERS_SHOWN = 50;

    private final AssignmentsApi assignments;
    private final SupervisionsApi supervisions;
    private final UnitDirectory units;
    private final Clock clock;

    AssignmentDetails(AssignmentsApi assignments, SupervisionsApi supervisions, UnitDirectory units, Clock clock) {
        this.assignments = assignments;
        this.supervisions = supervisions;
        this.units = units;
        this.clock = clock;
    }

    /**
     * @param forms   the decision forms, blank or as typed into the refused one
     * @param problem the refusal to show, or null
     */
    String show(ConsoleUser user, String assignmentId, DecisionForms forms, PlatformProblem problem, Model model) {
        Assignment assignment = assignments.getAssignment(assignmentId);
        SupervisionOrderPage orders = supervisions.listSupervisionOrders(null, null, assignmentId, 0, ORDERS_SHOWN);
        Instant now = clock.instant();
        AssignmentStatus status = assignment.getStatus();
        model.addAttribute("view", new AssignmentView(assignment, units.nameOf(user, assignment.getUnitId()),
                status == AssignmentStatus.ASSIGNED ? Remaining.until(assignment.getAcceptanceDueAt(), now) : null,
                AssignmentView.RUNNING.contains(status) ? Remaining.until(assignment.getDueAt(), now) : null,
                PendingExtension.of(assignment), orders.getItems(), orders.getPage().getTotalElements(),
                status == AssignmentStatus.OBJECTED && user.isSupervisor() ? units.all(user) : List.of()));
        model.addAttribute("forms", forms);
        if (problem != null) {
            model.addAttribute("problem", problem);
        }
        return VIEW;
    }
}
