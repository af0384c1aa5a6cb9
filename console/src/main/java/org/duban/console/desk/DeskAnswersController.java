package org.duban.console.desk;

import org.duban.client.intake.api.AssignmentsApi;
import org.duban.client.supervision.api.MeasuresApi;
import org.duban.client.supervision.api.RecommendationsApi;
import org.duban.client.supervision.api.SupervisionsApi;
import org.duban.client.supervision.model.Measure;
import org.duban.client.supervision.model.Recommendation;
import org.duban.client.supervision.model.SupervisionOrder;
import org.duban.console.ConsoleProperties;
import org.duban.console.desk.AnswerForms.FeedbackForm;
import org.duban.console.desk.AnswerForms.TextForm;
import org.duban.console.platform.Attempt;
import org.duban.console.platform.PlatformProblem;
import org.duban.console.web.TypedInput;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The unit answers the office in writing: a supervision order (督办单回复), a written self-review or
 * rectification report (问责措施), a recommendation (三项建议: adopted or not). Each page shows what the
 * office asked, by when, and — while the unit's answer is awaited — the form; another unit's answers 404.
 */
@Controller
class DeskAnswersController {

    private final SupervisionsApi supervisions;
    private final MeasuresApi measures;
    private final RecommendationsApi recommendations;
    private final AssignmentsApi assignments;
    private final SupervisionLines lines;
    private final ConsoleProperties properties;

    DeskAnswersController(SupervisionsApi supervisions, MeasuresApi measures, RecommendationsApi recommendations,
            AssignmentsApi assignments, SupervisionLines lines, ConsoleProperties properties) {
        this.supervisions = supervisions;
        this.measures = measures;
        this.recommendations = recommendations;
        this.assignments = assignments;
        this.lines = lines;
        this.properties = properties;
    }

    @GetMapping("/desk/orders/{id}")
    String order(@PathVariable String id, Model model) {
        return orderPage(id, TextForm.blank(), null, model);
    }

    @PostMapping("/desk/orders/{id}/response")
    String respond(@PathVariable String id, @ModelAttribute("form") TextForm form, Model model,
            RedirectAttributes redirect) {
        Attempt<SupervisionOrder> answered = Attempt.of(() -> supervisions.respondToSupervisionOrder(id, form.response()));
        if (answered.refused()) {
            return orderPage(id, form, answered.problem(), model);
        }
        return done(redirect, "desk.order.responded", "/desk/orders/" + id);
    }

    @GetMapping("/desk/measures/{id}")
    String measure(@PathVariable String id, Model model) {
        return measurePage(id, TextForm.blank(), null, model);
    }

    @PostMapping("/desk/measures/{id}/submission")
    String submit(@PathVariable String id, @ModelAttribute("form") TextForm form, Model model,
            RedirectAttributes redirect) {
        Attempt<Measure> submitted = Attempt.of(() -> measures.submitMeasure(id, form.submission()));
        if (submitted.refused()) {
            return measurePage(id, form, submitted.problem(), model);
        }
        return done(redirect, "desk.measure.submitted", "/desk/measures/" + id);
    }

    @GetMapping("/desk/recommendations/{id}")
    String recommendation(@PathVariable String id, Model model) {
        return recommendationPage(id, FeedbackForm.blank(), null, model);
    }

    @PostMapping("/desk/recommendations/{id}/feedback")
    String answer(@PathVariable String id, @ModelAttribute("form") FeedbackForm form, Model model,
            RedirectAttributes redirect) {
        TypedInput input = new TypedInput(properties.officeZone());
        var request = form.request(input);
        Attempt<Recommendation> answered = input.valid()
                ? Attempt.of(() -> recommendations.answerRecommendation(id, request))
                : Attempt.refused(input.problem());
        if (answered.refused()) {
            return recommendationPage(id, form, answered.problem(), model);
        }
        return done(redirect, "desk.recommendation.answered", "/desk/recommendations/" + id);
    }

    private String orderPage(String id, TextForm form, PlatformProblem problem, Model model) {
        SupervisionOrder order = supervisions.getSupervisionOrder(id);
        show(model, lines.order(order), order.getAssignmentId(), form, problem);
        return "desk/order";
    }

    private String measurePage(String id, TextForm form, PlatformProblem problem, Model model) {
        Measure measure = measures.getMeasure(id);
        show(model, lines.measure(measure), measure.getAssignmentId(), form, problem);
        return "desk/measure";
    }

    private String recommendationPage(String id, FeedbackForm form, PlatformProblem problem, Model model) {
        Recommendation recommendation = recommendations.getRecommendation(id);
        show(model, lines.recommendation(recommendation), recommendation.getAssignmentId(), form, problem);
        model.addAttribute("answers", YesNo.values());
        return "desk/recommendation";
    }

    /** The subject, the assignment it concerns (for the matter's title, when the unit may still read it), the form. */
    private void show(Model model, DeskLine<?> line, String assignmentId, Object form, PlatformProblem problem) {
        model.addAttribute("line", line);
        model.addAttribute("assignment",
                assignmentId == null ? null : Found.orNull(() -> assignments.getAssignment(assignmentId)));
        model.addAttribute("form", form);
        model.addAttribute("problem", problem);
    }

    private static String done(RedirectAttributes redirect, String message, String page) {
        redirect.addFlashAttribute("flash", message);
        return "redirect:" + page;
    }
}
