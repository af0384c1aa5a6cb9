package org.duban.console.desk;

import org.duban.client.supervision.api.RecommendationsApi;
import org.duban.client.supervision.model.Recommendation;
import org.duban.console.ConsoleProperties;
import org.duban.console.desk.AnswerForms.FeedbackForm;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 三项建议 addressed to the unit: the recommendation, its answer date, and until answered the unit's
 * written answer — adopted or not, and what it did or why not. Another unit's answers 404.
 */
@Controller
class DeskRecommendationsController {

    private final RecommendationsApi recommendations;
    private final SupervisionLines lines;
    private final AnswerPages pages;
    private final ConsoleProperties properties;

    DeskRecommendationsController(RecommendationsApi recommendations, SupervisionLines lines, AnswerPages pages,
            ConsoleProperties properties) {
        this.recommendations = recommendations;
        this.lines = lines;
        this.pages = pages;
        this.properties = properties;
    }

    @GetMapping("/desk/recommendations/{id}")
    String recommendation(@PathVariable String id, Model model) {
        return page(id, FeedbackForm.blank(), null, model);
    }

    @PostMapping("/desk/recommendations/{id}/feedback")
    String answer(@PathVariable String id, @ModelAttribute("form") FeedbackForm form, Model model,
            RedirectAttributes redirect) {
        TypedInput input = new TypedInput(properties.officeZone());
        var request = form.request(input);
        Attempt<Recommendation> answered = input.attempt(() -> recommendations.answerRecommendation(id, request));
        if (answered.refused()) {
            return page(id, form, answered.problem(), model);
        }
        return Flash.redirect(redirect, "desk.recommendation.answered", "/desk/recommendations/" + id);
    }

    private String page(String id, FeedbackForm form, PlatformProblem problem, Model model) {
        Recommendation recommendation = recommendations.getRecommendation(id);
        pages.show(model, lines.recommendation(recommendation), recommendation.getAssignmentId(), form, problem);
        model.addAttribute("answers", YesNo.values());
        return "desk/recommendation";
    }
}
