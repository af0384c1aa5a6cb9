package org.duban.console.supervision.recommendations;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.duban.client.supervision.api.RecommendationsApi;
import org.duban.client.supervision.model.Recommendation;
import org.duban.client.supervision.model.RecommendationKind;
import org.duban.client.supervision.model.RecommendationPage;
import org.duban.console.ConsoleProperties;
import org.duban.console.platform.Attempt;
import org.duban.console.platform.UnitDirectory;
import org.duban.console.security.ConsoleUser;
import org.duban.console.platform.MatterTitles;
import org.duban.console.web.Flash;
import org.duban.console.web.PageView;
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
 * 三项建议 (supervisors; leaders read): the recommendations by unit, kind and overdue answer; issuing one;
 * one recommendation with its answer, where a supervisor enters the answer of an addressee outside the
 * platform (a unit on the platform answers itself).
 */
@Controller
class RecommendationsController {

    static final int RECOMMENDATIONS_PER_PAGE = 20;

    private final RecommendationsApi recommendations;
    private final MatterTitles titles;
    private final UnitDirectory units;
    private final ConsoleProperties properties;

    RecommendationsController(RecommendationsApi recommendations, MatterTitles titles, UnitDirectory units,
            ConsoleProperties properties) {
        this.recommendations = recommendations;
        this.titles = titles;
        this.units = units;
        this.properties = properties;
    }

    /** Filters that do not parse are dropped: the list then shows all. */
    @GetMapping("/supervision/recommendations")
    String list(ConsoleUser user, @RequestParam(required = false) String unitId,
            @RequestParam(required = false) String kind, @RequestParam(required = false) String overdue,
            @RequestParam(defaultValue = "0") int page, HttpServletRequest request, Model model) {
        String unit = TypedInput.text(unitId);
        RecommendationKind chosenKind = TypedInput.option(kind, RecommendationKind.class);
        Boolean late = "true".equals(overdue) ? Boolean.TRUE : "false".equals(overdue) ? Boolean.FALSE : null;
        RecommendationPage found = recommendations.listRecommendations(unit, chosenKind, late, Math.max(0, page),
                RECOMMENDATIONS_PER_PAGE);
        model.addAttribute("recommendations", found.getItems());
        model.addAttribute("unitNames", units.names(user));
        model.addAttribute("units", units.all(user));
        model.addAttribute("kinds", RecommendationKind.values());
        model.addAttribute("filter", new Filter(unit, chosenKind == null ? null : chosenKind.getValue(),
                late == null ? null : late.toString()));
        model.addAttribute("page", PageView.of(request, "/supervision/recommendations", found.getPage()));
        return "supervision/recommendations/index";
    }

    @GetMapping("/supervision/recommendations/new")
    String form(ConsoleUser user, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String unitId, @RequestParam(required = false) String assignmentId,
            Model model) {
        return form(user, RecommendationForm.prefilled(kind, unitId, assignmentId), model);
    }

    @PostMapping("/supervision/recommendations")
    String issue(ConsoleUser user, @ModelAttribute RecommendationForm recommendationForm, Model model,
            RedirectAttributes redirect) {
        TypedInput input = new TypedInput(properties.officeZone());
        var request = recommendationForm.request(input);
        Attempt<Recommendation> issued = input.attempt(() ->
                recommendations.issueRecommendation(request, recommendationForm.idempotencyKey()));
        if (issued.refused()) {
            model.addAttribute("problem", issued.problem());
            return form(user, recommendationForm.keyed(), model);
        }
        return Flash.redirect(redirect, "supervision.recommendations.flash.issued",
                "/supervision/recommendations/" + issued.value().getId());
    }

    @GetMapping("/supervision/recommendations/{id}")
    String recommendation(ConsoleUser user, @PathVariable String id, Model model) {
        return page(user, recommendations.getRecommendation(id), FeedbackForm.blank(), model);
    }

    @PostMapping("/supervision/recommendations/{id}/feedback")
    String answer(ConsoleUser user, @PathVariable String id, @ModelAttribute FeedbackForm feedbackForm, Model model,
            RedirectAttributes redirect) {
        Attempt<Recommendation> answered = Attempt.of(() -> recommendations.answerRecommendation(id,
                feedbackForm.request()));
        if (answered.refused()) {
            model.addAttribute("problem", answered.problem());
            return page(user, recommendations.getRecommendation(id), feedbackForm, model);
        }
        return Flash.redirect(redirect, "supervision.recommendations.flash.answered",
                "/supervision/recommendations/" + id);
    }

    private String form(ConsoleUser user, RecommendationForm recommendationForm, Model model) {
        model.addAttribute("recommendationForm", recommendationForm);
        model.addAttribute("kinds", RecommendationKind.values());
        model.addAttribute("units", units.all(user));
        return "supervision/recommendations/new";
    }

    private String page(ConsoleUser user, Recommendation recommendation, FeedbackForm feedbackForm, Model model) {
        model.addAttribute("recommendation", recommendation);
        model.addAttribute("unitName", units.nameOf(user, recommendation.getUnitId()));
        String caseId = recommendation.getCaseId();
        model.addAttribute("caseTitle", caseId == null ? null
                : titles.of(user, List.of(caseId)).getOrDefault(caseId, caseId));
        model.addAttribute("feedbackForm", feedbackForm);
        return "supervision/recommendations/recommendation";
    }

    /** The list's filters as chosen; null for all. */
    record Filter(String unitId, String kind, String overdue) {
    }
}
