package org.duban.console.matters;

import org.duban.client.intake.api.AssignmentsApi;
import org.duban.client.intake.api.EvaluationsApi;
import org.duban.client.intake.model.Assignment;
import org.duban.client.intake.model.AssignmentKind;
import org.duban.client.intake.model.Evaluation;
import org.duban.client.intake.model.IssueAssignmentRequest;
import org.duban.client.intake.model.RecordEvaluationRequest;
import org.duban.console.ConsoleProperties;
import org.duban.console.platform.Attempt;
import org.duban.console.security.ConsoleUser;
import org.duban.console.web.Flash;
import org.duban.console.web.TypedInput;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One matter (supervisors; leaders read it without the petitioner and without forms): its details, its
 * assignments with the form to 交办 / 转送 it, the petitioner's ratings with the form to record one, and
 * its history with the check of the hash chain. A refused form comes back on the page with its refusal
 * above it and what was typed kept.
 */
@Controller
class MatterController {

    private final MatterPage matterPage;
    private final AssignmentsApi assignments;
    private final EvaluationsApi evaluations;
    private final ConsoleProperties properties;

    MatterController(MatterPage matterPage, AssignmentsApi assignments, EvaluationsApi evaluations,
            ConsoleProperties properties) {
        this.matterPage = matterPage;
        this.assignments = assignments;
        this.evaluations = evaluations;
        this.properties = properties;
    }

    @GetMapping("/matters/{caseId}")
    String matter(ConsoleUser user, @PathVariable String caseId, Model model) {
        return page(user, caseId, AssignmentForm.blank(), EvaluationForm.blank(), model);
    }

    @PostMapping("/matters/{caseId}/assignments")
    String issue(ConsoleUser user, @PathVariable String caseId, @ModelAttribute AssignmentForm assignmentForm,
            Model model, RedirectAttributes redirect) {
        TypedInput input = new TypedInput(properties.officeZone());
        IssueAssignmentRequest request = assignmentForm.request(input);
        Attempt<Assignment> issued = input.attempt(() ->
                assignments.issueAssignment(caseId, request, assignmentForm.idempotencyKey()));
        if (issued.refused()) {
            model.addAttribute("assignmentProblem", issued.problem());
            return page(user, caseId, assignmentForm.kept(), EvaluationForm.blank(), model);
        }
        redirect.addAttribute("caseId", caseId);
        return Flash.redirect(redirect, "matters.issued." + issued.value().getKind().getValue(), "/matters/{caseId}");
    }

    @PostMapping("/matters/{caseId}/evaluations")
    String evaluate(ConsoleUser user, @PathVariable String caseId, @ModelAttribute EvaluationForm evaluationForm,
            Model model, RedirectAttributes redirect) {
        TypedInput input = new TypedInput(properties.officeZone());
        RecordEvaluationRequest request = evaluationForm.request(input);
        Attempt<Evaluation> recorded = input.attempt(() ->
                evaluations.recordEvaluation(caseId, request, evaluationForm.idempotencyKey()));
        if (recorded.refused()) {
            model.addAttribute("evaluationProblem", recorded.problem());
            return page(user, caseId, AssignmentForm.blank(), evaluationForm.kept(), model);
        }
        redirect.addAttribute("caseId", caseId);
        return Flash.redirect(redirect, "matters.evaluation.recorded", "/matters/{caseId}");
    }

    private String page(ConsoleUser user, String caseId, AssignmentForm assignmentForm, EvaluationForm evaluationForm,
            Model model) {
        model.addAttribute("view", matterPage.view(user, caseId));
        model.addAttribute("assignmentForm", assignmentForm);
        model.addAttribute("evaluationForm", evaluationForm);
        model.addAttribute("kinds", AssignmentKind.values());
        model.addAttribute("ratings", EvaluationForm.RATINGS);
        return "matters/matter";
    }
}
