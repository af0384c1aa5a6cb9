package org.duban.console.supervision.orders;

import java.util.function.Supplier;

import org.duban.client.intake.api.AssignmentsApi;
import org.duban.client.intake.model.Assignment;
import org.duban.client.supervision.api.SupervisionsApi;
import org.duban.client.supervision.model.SupervisionForm;
import org.duban.client.supervision.model.SupervisionOrder;
import org.duban.console.ConsoleProperties;
import org.duban.console.platform.Attempt;
import org.duban.console.platform.UnitDirectory;
import org.duban.console.security.ConsoleUser;
import org.duban.console.supervision.FormProblems;
import org.duban.console.web.Flash;
import org.duban.console.web.TypedInput;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One supervision order (supervisors; leaders read): everything the platform holds about it, the unit's
 * response, and what a supervisor may decide in its state — a proposal is confirmed or dismissed, an open
 * or answered order closed, an answered one reopened with a new response deadline.
 */
@Controller
class OrderController {

    private final SupervisionsApi supervisions;
    private final AssignmentsApi assignments;
    private final UnitDirectory units;
    private final ConsoleProperties properties;

    OrderController(SupervisionsApi supervisions, AssignmentsApi assignments, UnitDirectory units,
            ConsoleProperties properties) {
        this.supervisions = supervisions;
        this.assignments = assignments;
        this.units = units;
        this.properties = properties;
    }

    @GetMapping("/supervision/orders/{id}")
    String order(ConsoleUser user, @PathVariable String id, Model model) {
        return page(user, supervisions.getSupervisionOrder(id), OrderDecisions.blank(), model);
    }

    @PostMapping("/supervision/orders/{id}/confirm")
    String confirm(ConsoleUser user, @PathVariable String id, @ModelAttribute("confirm") OrderDecisions.Confirm typed,
            Model model, RedirectAttributes redirect) {
        TypedInput input = new TypedInput(properties.officeZone());
        var request = typed.request(input);
        return decide(user, id, "confirm", input, () -> supervisions.confirmSupervisionOrder(id, request),
                OrderDecisions.blank().with(typed), model, redirect);
    }

    @PostMapping("/supervision/orders/{id}/dismiss")
    String dismiss(ConsoleUser user, @PathVariable String id, @ModelAttribute("dismiss") OrderDecisions.Note typed,
            Model model, RedirectAttributes redirect) {
        return decide(user, id, "dismiss", new TypedInput(properties.officeZone()),
                () -> supervisions.dismissSupervisionOrder(id, typed.dismissal()),
                OrderDecisions.blank().withDismiss(typed), model, redirect);
    }

    @PostMapping("/supervision/orders/{id}/close")
    String close(ConsoleUser user, @PathVariable String id, @ModelAttribute("close") OrderDecisions.Note typed,
            Model model, RedirectAttributes redirect) {
        return decide(user, id, "close", new TypedInput(properties.officeZone()),
                () -> supervisions.closeSupervisionOrder(id, typed.closing()),
                OrderDecisions.blank().withClose(typed), model, redirect);
    }

    @PostMapping("/supervision/orders/{id}/reopen")
    String reopen(ConsoleUser user, @PathVariable String id, @ModelAttribute("reopen") OrderDecisions.Reopen typed,
            Model model, RedirectAttributes redirect) {
        TypedInput input = new TypedInput(properties.officeZone());
        var request = typed.request(input);
        return decide(user, id, "reopen", input, () -> supervisions.reopenSupervisionOrder(id, request),
                OrderDecisions.blank().with(typed), model, redirect);
    }

    /**
     * Sends one decision; after it the order's page (PRG, with the flash {@code supervision.orders.flash.<action>});
     * refused, the page again with the problem beside the fields of the form that was sent.
     */
    private String decide(ConsoleUser user, String id, String action, TypedInput input, Supplier<SupervisionOrder> call,
            OrderDecisions typed, Model model, RedirectAttributes redirect) {
        Attempt<SupervisionOrder> decided = input.attempt(call);
        if (decided.refused()) {
            model.addAttribute("problem", FormProblems.prefixed(decided.problem(), action));
            model.addAttribute("refused", action);
            return page(user, supervisions.getSupervisionOrder(id), typed, model);
        }
        return Flash.redirect(redirect, "supervision.orders.flash." + action, "/supervision/orders/" + id);
    }

    private String page(ConsoleUser user, SupervisionOrder order, OrderDecisions decisions, Model model) {
        model.addAttribute("order", order);
        model.addAttribute("assignment", assignment(order.getAssignmentId()));
        model.addAttribute("unitName", units.nameOf(user, order.getUnitId()));
        model.addAttribute("decisions", decisions);
        model.addAttribute("forms", SupervisionForm.values());
        return "supervision/orders/order";
    }

    /** The assignment the order follows, for the matter's title and the assignment's state. */
    private Assignment assignment(String assignmentId) {
        try {
            return assignments.getAssignment(assignmentId);
        } catch (HttpClientErrorException.NotFound gone) {
            return null;
        }
    }
}
