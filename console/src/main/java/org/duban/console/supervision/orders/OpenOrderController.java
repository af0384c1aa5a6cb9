package org.duban.console.supervision.orders;

import java.util.List;

import org.duban.client.intake.api.AssignmentsApi;
import org.duban.client.intake.model.Assignment;
import org.duban.client.supervision.api.SupervisionsApi;
import org.duban.client.supervision.model.SupervisionForm;
import org.duban.client.supervision.model.SupervisionOrder;
import org.duban.client.supervision.model.SupervisionTrigger;
import org.duban.console.ConsoleProperties;
import org.duban.console.platform.Attempt;
import org.duban.console.platform.UnitDirectory;
import org.duban.console.security.ConsoleUser;
import org.duban.console.web.Flash;
import org.duban.console.web.TypedInput;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Opening a supervision order (督办) on an assignment (supervisors): the assignment as the platform
 * answers it, the orders it already has, then the trigger, the form, the response deadline and a note.
 * The board and the assignment's page link here with the assignment's id.
 */
@Controller
class OpenOrderController {

    /** The assignment's earlier orders shown beside the form, so that nobody opens a second by mistake. */
    static final int EARLIER_ORDERS = 10;

    private final SupervisionsApi supervisions;
    private final AssignmentsApi assignments;
    private final UnitDirectory units;
    private final ConsoleProperties properties;

    OpenOrderController(SupervisionsApi supervisions, AssignmentsApi assignments, UnitDirectory units,
            ConsoleProperties properties) {
        this.supervisions = supervisions;
        this.assignments = assignments;
        this.units = units;
        this.properties = properties;
    }

    @GetMapping("/supervision/orders/new")
    String form(ConsoleUser user, @RequestParam(required = false) String assignmentId, Model model) {
        String id = TypedInput.text(assignmentId);
        Assignment assignment = id == null ? null : assignments.getAssignment(id);
        return form(user, OpenOrderForm.blank(id), assignment, model);
    }

    @PostMapping("/supervision/orders")
    String open(ConsoleUser user, @ModelAttribute OpenOrderForm orderForm, Model model, RedirectAttributes redirect) {
        TypedInput input = new TypedInput(properties.officeZone());
        var request = orderForm.request(input);
        Attempt<SupervisionOrder> opened = input.attempt(() ->
                supervisions.openSupervisionOrder(request, orderForm.idempotencyKey()));
        if (opened.refused()) {
            model.addAttribute("problem", opened.problem());
            return form(user, orderForm.keyed(), known(request.getAssignmentId()), model);
        }
        return Flash.redirect(redirect, "supervision.orders.flash.opened",
                "/supervision/orders/" + opened.value().getId());
    }

    /** The assignment a refused form names, when the platform knows it (a mistyped id shows no summary). */
    private Assignment known(String assignmentId) {
        if (assignmentId == null) {
            return null;
        }
        try {
            return assignments.getAssignment(assignmentId);
        } catch (HttpClientErrorException.NotFound unknown) {
            return null;
        }
    }

    private String form(ConsoleUser user, OpenOrderForm orderForm, Assignment assignment, Model model) {
        model.addAttribute("orderForm", orderForm);
        model.addAttribute("assignment", assignment);
        model.addAttribute("unitName", assignment == null ? null : units.nameOf(user, assignment.getUnitId()));
        List<SupervisionOrder> earlier = assignment == null ? List.of()
                : supervisions.listSupervisionOrders(null, null, assignment.getId(), 0, EARLIER_ORDERS).getItems();
        model.addAttribute("earlierOrders", earlier);
        model.addAttribute("triggers", SupervisionTrigger.values());
        model.addAttribute("forms", SupervisionForm.values());
        return "supervision/orders/new";
    }
}
