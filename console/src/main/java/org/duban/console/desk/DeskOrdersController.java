package org.duban.console.desk;

import org.duban.client.supervision.api.SupervisionsApi;
import org.duban.client.supervision.model.SupervisionOrder;
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
 * 督办单 at the unit's desk: what the office asks (trigger, form, note), by when, and while the order is
 * OPEN the unit's written response (督办单回复). Another unit's order answers 404.
 */
@Controller
class DeskOrdersController {

    private final SupervisionsApi supervisions;
    private final SupervisionLines lines;
    private final AnswerPages pages;

    DeskOrdersController(SupervisionsApi supervisions, SupervisionLines lines, AnswerPages pages) {
        this.supervisions = supervisions;
        this.lines = lines;
        this.pages = pages;
    }

    @GetMapping("/desk/orders/{id}")
    String order(@PathVariable String id, Model model) {
        return page(id, TextForm.blank(), null, model);
    }

    @PostMapping("/desk/orders/{id}/response")
    String respond(@PathVariable String id, @ModelAttribute("form") TextForm form, Model model,
            RedirectAttributes redirect) {
        Attempt<SupervisionOrder> answered = Attempt.of(() -> supervisions.respondToSupervisionOrder(id, form.response()));
        if (answered.refused()) {
            return page(id, form, answered.problem(), model);
        }
        return Flash.redirect(redirect, "desk.order.responded", "/desk/orders/" + id);
    }

    private String page(String id, TextForm form, PlatformProblem problem, Model model) {
        SupervisionOrder order = supervisions.getSupervisionOrder(id);
        pages.show(model, lines.order(order), order.getAssignmentId(), form, problem);
        return "desk/order";
    }
}
