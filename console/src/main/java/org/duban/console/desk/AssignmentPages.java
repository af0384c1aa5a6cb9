package org.duban.console.desk;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.duban.client.intake.api.AssignmentsApi;
import org.duban.client.intake.api.CasesApi;
import org.duban.client.intake.model.Assignment;
import org.duban.client.intake.model.AssignmentPage;
import org.duban.client.intake.model.AssignmentStatus;
import org.duban.client.supervision.api.SupervisionsApi;
import org.duban.client.supervision.model.SupervisionOrder;
import org.duban.console.web.PageView;
import org.springframework.stereotype.Component;

/**
 * Puts the unit's assignment pages together: a page of its assignments (the platform lists only the
 * unit's own), and one assignment with its matter (petitioner included: the handling unit contacts them)
 * and the supervision orders opened on it.
 */
@Component
class AssignmentPages {

    static final int PER_PAGE = 20;
    static final int ORDERS_SHOWN = 50;

    private final AssignmentsApi assignments;
    private final CasesApi cases;
    private final SupervisionsApi supervisions;
    private final DeskAssignments desk;
    private final SupervisionLines lines;

    AssignmentPages(AssignmentsApi assignments, CasesApi cases, SupervisionsApi supervisions, DeskAssignments desk,
            SupervisionLines lines) {
        this.assignments = assignments;
        this.cases = cases;
        this.supervisions = supervisions;
        this.desk = desk;
        this.lines = lines;
    }

    /** One page of the unit's assignments, newest first, with links to the others. */
    record Listing(List<DeskAssignment> lines, PageView page) {
    }

    /** The unit's assignments (in one state, or all when null); the paging keeps the filter. */
    Listing list(AssignmentStatus status, int page, HttpServletRequest request) {
        AssignmentPage found = assignments.listAssignments(status, null, null, null, page, PER_PAGE);
        return new Listing(found.getItems().stream().map(desk::read).toList(),
                PageView.of(request, "/desk/assignments", found.getPage()));
    }

    AssignmentPageView view(String id) {
        Assignment assignment = assignments.getAssignment(id);
        List<DeskLine<SupervisionOrder>> orders = supervisions.listSupervisionOrders(null, null, id, 0, ORDERS_SHOWN)
                .getItems().stream().map(lines::order).toList();
        return new AssignmentPageView(desk.read(assignment), Found.orNull(() -> cases.getCase(assignment.getCaseId())),
                desk.history(assignment), SupervisionLines.awaitingFirst(orders), desk.mayObject(assignment));
    }
}
