package org.duban.console.desk;

import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import org.duban.client.intake.api.AssignmentsApi;
import org.duban.client.intake.model.Assignment;
import org.duban.client.intake.model.AssignmentStatus;
import org.duban.client.intake.model.FinalReportOutcome;
import org.duban.console.ConsoleProperties;
import org.duban.console.desk.AssignmentForms.AcceptForm;
import org.duban.console.desk.AssignmentForms.ExtensionForm;
import org.duban.console.desk.AssignmentForms.FinalReportForm;
import org.duban.console.desk.AssignmentForms.ObjectionForm;
import org.duban.console.desk.AssignmentForms.ProgressForm;
import org.duban.console.platform.Attempt;
import org.duban.console.platform.PlatformProblem;
import org.duban.console.web.Flash;
import org.duban.console.web.TypedInput;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 交办事项 at the unit's desk: its assignments, and one assignment with its matter, history, supervision
 * orders and the answers its state allows — 签收并受理告知, 异议退回, 报告进展, 申请延期, 提交办结报告. Each
 * answer is a form: a refusal shows the page again with the errors beside the fields and what was typed;
 * success redirects back to the assignment with a message.
 */
@Controller
class DeskAssignmentsController {

    private final AssignmentsApi assignments;
    private final AssignmentPages pages;
    private final ConsoleProperties properties;

    DeskAssignmentsController(AssignmentsApi assignments, AssignmentPages pages, ConsoleProperties properties) {
        this.assignments = assignments;
        this.pages = pages;
        this.properties = properties;
    }

    @GetMapping("/desk/assignments")
    String list(@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
            HttpServletRequest request, Model model) {
        AssignmentStatus chosen = TypedInput.option(status, AssignmentStatus.class);
        AssignmentPages.Listing listing = pages.list(chosen, Math.max(0, page), request);
        model.addAttribute("lines", listing.lines());
        model.addAttribute("page", listing.page());
        model.addAttribute("status", chosen == null ? null : chosen.getValue());
        model.addAttribute("statuses", AssignmentStatus.values());
        return "desk/assignments";
    }

    @GetMapping("/desk/assignments/{id}")
    String assignment(@PathVariable String id, Model model) {
        return page(id, AssignmentForms.blank(), null, model);
    }

    @PostMapping("/desk/assignments/{id}/accept")
    String accept(@PathVariable String id, @ModelAttribute("form") AcceptForm form, Model model,
            RedirectAttributes redirect) {
        TypedInput input = typed();
        var request = form.request(input);
        return answer(id, input, () -> assignments.acceptAssignment(id, request), AssignmentForms.blank().with(form),
                "desk.assignment.accepted", model, redirect);
    }

    @PostMapping("/desk/assignments/{id}/objection")
    String object(@PathVariable String id, @ModelAttribute("form") ObjectionForm form, Model model,
            RedirectAttributes redirect) {
        return answer(id, typed(), () -> assignments.objectToAssignment(id, form.request()),
                AssignmentForms.blank().with(form), "desk.assignment.objected", model, redirect);
    }

    @PostMapping("/desk/assignments/{id}/progress")
    String progress(@PathVariable String id, @ModelAttribute("form") ProgressForm form, Model model,
            RedirectAttributes redirect) {
        AssignmentForms forms = AssignmentForms.blank().with(form);
        String key = forms.progress().idempotencyKey();
        return answer(id, typed(), () -> assignments.reportProgress(id, form.request(), key), forms,
                "desk.assignment.progressReported", model, redirect);
    }

    @PostMapping("/desk/assignments/{id}/extensions")
    String extension(@PathVariable String id, @ModelAttribute("form") ExtensionForm form, Model model,
            RedirectAttributes redirect) {
        TypedInput input = typed();
        var request = form.request(input);
        AssignmentForms forms = AssignmentForms.blank().with(form);
        String key = forms.extension().idempotencyKey();
        return answer(id, input, () -> assignments.requestExtension(id, request, key), forms,
                "desk.assignment.extensionRequested", model, redirect);
    }

    @PostMapping("/desk/assignments/{id}/final-report")
    String finalReport(@PathVariable String id, @ModelAttribute("form") FinalReportForm form, Model model,
            RedirectAttributes redirect) {
        TypedInput input = typed();
        var request = form.request(input);
        return answer(id, input, () -> assignments.submitFinalReport(id, request), AssignmentForms.blank().with(form),
                "desk.assignment.finalReportSubmitted", model, redirect);
    }

    /** Calls the platform unless the input did not parse; refused, the page again; else back to it (PRG). */
    private String answer(String id, TypedInput input, Supplier<Assignment> call, AssignmentForms forms,
            String done, Model model, RedirectAttributes redirect) {
        Attempt<Assignment> answered = input.attempt(call);
        if (answered.refused()) {
            return page(id, forms, answered.problem(), model);
        }
        return Flash.redirect(redirect, done, "/desk/assignments/" + id);
    }

    private String page(String id, AssignmentForms forms, PlatformProblem problem, Model model) {
        model.addAttribute("view", pages.view(id));
        model.addAttribute("forms", forms);
        model.addAttribute("problem", problem);
        model.addAttribute("outcomes", FinalReportOutcome.values());
        model.addAttribute("answers", YesNo.values());
        return "desk/assignment";
    }

    private TypedInput typed() {
        return new TypedInput(properties.officeZone());
    }
}
