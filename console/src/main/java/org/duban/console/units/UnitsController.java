package org.duban.console.units;

import java.time.Clock;
import java.time.LocalDate;

import jakarta.servlet.http.HttpServletRequest;
import org.duban.client.intake.api.UnitsApi;
import org.duban.client.intake.model.Unit;
import org.duban.client.intake.model.UnitKind;
import org.duban.client.intake.model.UnitPage;
import org.duban.client.reporting.api.ScorecardsApi;
import org.duban.client.reporting.model.UnitScorecard;
import org.duban.client.reporting.model.UnitScorecards;
import org.duban.client.supervision.api.EscalationsApi;
import org.duban.console.ConsoleProperties;
import org.duban.console.platform.Attempt;
import org.duban.console.platform.UnitDirectory;
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
 * 责任单位: the registry (supervisors, leaders), registering a unit with its contacts (supervisors), and
 * each unit's page with its scorecard of the year and the escalation ladder's proposal.
 */
@Controller
class UnitsController {

    static final int UNITS_PER_PAGE = 50;

    private final UnitsApi units;
    private final ScorecardsApi scorecards;
    private final EscalationsApi escalations;
    private final UnitDirectory directory;
    private final ConsoleProperties properties;
    private final Clock clock;

    UnitsController(UnitsApi units, ScorecardsApi scorecards, EscalationsApi escalations, UnitDirectory directory,
            ConsoleProperties properties, Clock clock) {
        this.units = units;
        this.scorecards = scorecards;
        this.escalations = escalations;
        this.directory = directory;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping("/units")
    String registry(@RequestParam(defaultValue = "0") int page, HttpServletRequest request, Model model) {
        UnitPage found = units.listUnits(Math.max(0, page), UNITS_PER_PAGE);
        model.addAttribute("units", found.getItems());
        model.addAttribute("page", PageView.of(request, "/units", found.getPage()));
        return "units/index";
    }

    @GetMapping("/units/new")
    String registration(Model model) {
        return form(UnitForm.blank(), model);
    }

    /**
     * Registers the unit; the button "增加联系人" ({@code addContact}) only shows the form again with one
     * more contact row, so that any number of contacts can be typed without script.
     */
    @PostMapping("/units")
    String register(@ModelAttribute UnitForm unitForm, @RequestParam(required = false) String addContact,
            Model model, RedirectAttributes redirect) {
        if (addContact != null) {
            return form(unitForm.withRows(unitForm.contacts().size() + 1), model);
        }
        TypedInput input = new TypedInput(properties.officeZone());
        var request = unitForm.request(input);
        Attempt<Unit> registered = input.attempt(() -> units.registerUnit(request, unitForm.idempotencyKey()));
        if (registered.refused()) {
            model.addAttribute("problem", registered.problem());
            return form(unitForm.withRows(UnitForm.BLANK_ROWS), model);
        }
        directory.forget();
        return Flash.redirect(redirect, "units.registered", "/units/" + registered.value().getId());
    }

    @GetMapping("/units/{unitId}")
    String unit(@PathVariable String unitId, Model model) {
        Unit unit = units.getUnit(unitId);
        LocalDate today = LocalDate.now(clock.withZone(properties.officeZone()));
        LocalDate yearStart = today.withDayOfYear(1);
        UnitScorecards year = scorecards.getUnitScorecards(yearStart, today.plusDays(1));
        UnitScorecard scorecard = year.getUnits().stream()
                .filter(line -> unitId.equals(line.getUnitId())).findFirst().orElse(null);
        model.addAttribute("view", new UnitPageView(unit, scorecard, year.getUnits().size(),
                Integer.toString(today.getYear()), escalations.proposeEscalation(unitId)));
        return "units/unit";
    }

    private String form(UnitForm unitForm, Model model) {
        model.addAttribute("unitForm", unitForm);
        model.addAttribute("kinds", UnitKind.values());
        model.addAttribute("maxRows", UnitForm.MAX_ROWS);
        return "units/new";
    }
}
