package org.duban.console.assignments;

import org.duban.client.intake.api.AssignmentsApi;
import org.duban.client.intake.model.Assignment;
import org.duban.client.intake.model.ReviewRequest;
import org.duban.console.ConsoleProperties;
import org.duban.console.platform.Attempt;
import org.duban.console.security.ConsoleUser;
import org.duban.console.web.Flash;
import org.duban.console.web.TypedInput;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The decisions a supervisor takes on an assignment: review the final report, decide an objection or an
 * extension request, cancel. Each goes back to the assignment with a message; a refusal of the platform
 * shows the assignment again, the refusal at the top and beside the fields, what was typed kept.
 */
@Controller
class AssignmentDecisionsController {

    private static final String ASSIGNMENT = "/assignments/{assignmentId}";
    /** The 待办审核 page approves a final report in one click and goes back there. */
    private static final String FROM_REVIEW = "review";

    private final AssignmentsApi assignments;
    private final AssignmentDetails details;
    private final ConsoleProperties properties;

    AssignmentDecisionsController(AssignmentsApi assignments, AssignmentDetails details, ConsoleProperties properties) {
        this.assignments = assignments;
        this.details = details;
        this.properties = properties;
    }

    @PostMapping("/assignments/{assignmentId}/review")
    String review(ConsoleUser user, @PathVariable String assignmentId, @ModelAttribute ReviewForm reviewForm,
            @RequestParam(required = false) String from, Model model, RedirectAttributes redirect) {
        TypedInput input = new TypedInput(properties.officeZone());
        ReviewRequest request = reviewForm.request(input);
        Attempt<Assignment> reviewed = input.attempt(() -> assignments.reviewAssignment(assignmentId, request));
        if (reviewed.refused()) {
            return details.show(user, assignmentId, DecisionForms.typed(reviewForm), reviewed.problem(), model);
        }
        return Flash.redirect(redirect, "assignments.reviewed." + request.getDecision().getValue(),
                FROM_REVIEW.equals(from) ? "/review" : ASSIGNMENT);
    }

    @PostMapping("/assignments/{assignmentId}/objection/decision")
    String decideObjection(ConsoleUser user, @PathVariable String assignmentId,
            @ModelAttribute ObjectionDecisionForm objectionForm, Model model, RedirectAttributes redirect) {
        var request = objectionForm.request();
        Attempt<Assignment> decided = Attempt.of(() -> assignments.decideObjection(assignmentId, request));
        if (decided.refused()) {
            return details.show(user, assignmentId, DecisionForms.typed(objectionForm), decided.problem(), model);
        }
        return Flash.redirect(redirect,
                Boolean.TRUE.equals(request.getUpheld()) ? "assignments.objection.upheld" : "assignments.objection.rejected",
                ASSIGNMENT);
    }

    @PostMapping("/assignments/{assignmentId}/extensions/{extensionId}/decision")
    String decideExtension(ConsoleUser user, @PathVariable String assignmentId, @PathVariable String extensionId,
            @ModelAttribute ExtensionDecisionForm extensionForm, Model model, RedirectAttributes redirect) {
        var request = extensionForm.request();
        Attempt<Assignment> decided = Attempt.of(() -> assignments.decideExtension(assignmentId, extensionId, request));
        if (decided.refused()) {
            return details.show(user, assignmentId, DecisionForms.typed(extensionForm), decided.problem(), model);
        }
        return Flash.redirect(redirect,
                Boolean.TRUE.equals(request.getApproved()) ? "assignments.extension.approved" : "assignments.extension.rejected",
                ASSIGNMENT);
    }

    @PostMapping("/assignments/{assignmentId}/cancel")
    String cancel(ConsoleUser user, @PathVariable String assignmentId, @ModelAttribute CancelForm cancelForm,
            Model model, RedirectAttributes redirect) {
        Attempt<Assignment> cancelled = Attempt.of(() -> assignments.cancelAssignment(assignmentId, cancelForm.request()));
        if (cancelled.refused()) {
            return details.show(user, assignmentId, DecisionForms.typed(cancelForm),
                    CancelForm.fieldsOfThisForm(cancelled.problem()), model);
        }
        return Flash.redirect(redirect, "assignments.cancelled", ASSIGNMENT);
    }
}
