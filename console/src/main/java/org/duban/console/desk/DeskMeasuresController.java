package org.duban.console.desk;

import org.duban.client.supervision.api.MeasuresApi;
import org.duban.client.supervision.model.Measure;
import org.duban.console.desk.AnswerForms.TextForm;
import org.duban.console.platform.Attempt;
import org.duban.console.platform.PlatformProblem;
import org.duban.console.web.Flash;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 问责措施 at the unit's desk: the measure, and for a written self-review or rectification order awaiting
 * it the unit's written submission; an interview shows when it is scheduled. Another unit's measure
 * answers 404.
 */
@Controller
class DeskMeasuresController {

    private final MeasuresApi measures;
    private final SupervisionLines lines;
    private final AnswerPages pages;

    DeskMeasuresController(MeasuresApi measures, SupervisionLines lines, AnswerPages pages) {
        this.measures = measures;
        this.lines = lines;
        this.pages = pages;
    }

    @GetMapping("/desk/measures/{id}")
    String measure(@PathVariable String id, Model model) {
        return page(id, TextForm.blank(), null, model);
    }

    @PostMapping("/desk/measures/{id}/submission")
    String submit(@PathVariable String id, @ModelAttribute("form") TextForm form, Model model,
            RedirectAttributes redirect) {
        Attempt<Measure> submitted = Attempt.of(() -> measures.submitMeasure(id, form.submission()));
        if (submitted.refused()) {
            return page(id, form, submitted.problem(), model);
        }
        return Flash.redirect(redirect, "desk.measure.submitted", "/desk/measures/" + id);
    }

    private String page(String id, TextForm form, PlatformProblem problem, Model model) {
        Measure measure = measures.getMeasure(id);
        pages.show(model, lines.measure(measure), measure.getAssignmentId(), form, problem);
        return "desk/measure";
    }
}
