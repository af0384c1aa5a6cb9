package org.duban.console.supervision.measures;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.duban.client.supervision.api.MeasuresApi;
import org.duban.client.supervision.model.Measure;
import org.duban.client.supervision.model.MeasureKind;
import org.duban.client.supervision.model.MeasurePage;
import org.duban.client.supervision.model.MeasureStatus;
import org.duban.console.ConsoleProperties;
import org.duban.console.platform.Attempt;
import org.duban.console.platform.PlatformProblem;
import org.duban.console.platform.UnitDirectory;
import org.duban.console.security.ConsoleUser;
import org.duban.console.supervision.FormProblems;
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
 * 问责措施 (supervisors; leaders read): the measures by unit, kind and status; issuing one (the escalation
 * ladder and an order's page link here prefilled); one measure with the unit's submission, where a
 * supervisor records a scheduled interview as held, with its minutes.
 */
@Controller
class MeasuresController {

    static final int MEASURES_PER_PAGE = 20;

    private final MeasuresApi measures;
    private final MatterTitles titles;
    private final UnitDirectory units;
    private final ConsoleProperties properties;

    MeasuresController(MeasuresApi measures, MatterTitles titles, UnitDirectory units, ConsoleProperties properties) {
        this.measures = measures;
        this.titles = titles;
        this.units = units;
        this.properties = properties;
    }

    /** Filters that do not parse are dropped: the list then shows all. */
    @GetMapping("/supervision/measures")
    String list(ConsoleUser user, @RequestParam(required = false) String unitId,
            @RequestParam(required = false) String kind, @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "0") int page, HttpServletRequest request, Model model) {
        String unit = TypedInput.text(unitId);
        MeasureKind chosenKind = TypedInput.option(kind, MeasureKind.class);
        MeasureStatus chosenStatus = TypedInput.option(status, MeasureStatus.class);
        MeasurePage found = measures.listMeasures(unit, chosenKind, chosenStatus, Math.max(0, page), MEASURES_PER_PAGE);
        model.addAttribute("measures", found.getItems());
        model.addAttribute("unitNames", units.names(user));
        model.addAttribute("units", units.all(user));
        model.addAttribute("kinds", MeasureKind.values());
        model.addAttribute("statuses", MeasureStatus.values());
        model.addAttribute("filter", new Filter(unit, chosenKind == null ? null : chosenKind.getValue(),
                chosenStatus == null ? null : chosenStatus.getValue()));
        model.addAttribute("page", PageView.of(request, "/supervision/measures", found.getPage()));
        return "supervision/measures/index";
    }

    @GetMapping("/supervision/measures/new")
    String form(ConsoleUser user, @RequestParam(required = false) String unitId,
            @RequestParam(required = false) String kind, @RequestParam(required = false) String assignmentId,
            @RequestParam(required = false) String supervisionId, Model model) {
        return form(user, MeasureForm.prefilled(kind, unitId, assignmentId, supervisionId), model);
    }

    @PostMapping("/supervision/measures")
    String issue(ConsoleUser user, @ModelAttribute MeasureForm measureForm, Model model, RedirectAttributes redirect) {
        TypedInput input = new TypedInput(properties.officeZone());
        var request = measureForm.request(input);
        Attempt<Measure> issued = input.attempt(() -> measures.issueMeasure(request, measureForm.idempotencyKey()));
        if (issued.refused()) {
            model.addAttribute("problem", FormProblems.renamed(issued.problem(), "dueAt", MeasureForm.DUE_DAY));
            return form(user, measureForm.keyed(), model);
        }
        return Flash.redirect(redirect, "supervision.measures.flash.issued",
                "/supervision/measures/" + issued.value().getId());
    }

    @GetMapping("/supervision/measures/{id}")
    String measure(ConsoleUser user, @PathVariable String id, Model model) {
        return page(user, measures.getMeasure(id), RecordForm.blank(), null, model);
    }

    @PostMapping("/supervision/measures/{id}/record")
    String record(ConsoleUser user, @PathVariable String id, @ModelAttribute RecordForm recordForm, Model model,
            RedirectAttributes redirect) {
        TypedInput input = new TypedInput(properties.officeZone());
        var request = recordForm.request(input);
        Attempt<Measure> recorded = input.attempt(() -> measures.recordMeasure(id, request));
        if (recorded.refused()) {
            return page(user, measures.getMeasure(id), recordForm, recorded.problem(), model);
        }
        return Flash.redirect(redirect, "supervision.measures.flash.recorded", "/supervision/measures/" + id);
    }

    private String form(ConsoleUser user, MeasureForm measureForm, Model model) {
        model.addAttribute("measureForm", measureForm);
        model.addAttribute("kinds", MeasureKind.values());
        model.addAttribute("units", units.all(user));
        return "supervision/measures/new";
    }

    private String page(ConsoleUser user, Measure measure, RecordForm recordForm, PlatformProblem problem,
            Model model) {
        model.addAttribute("measure", measure);
        model.addAttribute("unitName", units.nameOf(user, measure.getUnitId()));
        String caseId = measure.getCaseId();
        model.addAttribute("caseTitle", caseId == null ? null
                : titles.of(user, List.of(caseId)).getOrDefault(caseId, caseId));
        model.addAttribute("recordForm", recordForm);
        model.addAttribute("problem", problem);
        return "supervision/measures/measure";
    }

    /** The list's filters as chosen; null for all. */
    record Filter(String unitId, String kind, String status) {
    }
}
