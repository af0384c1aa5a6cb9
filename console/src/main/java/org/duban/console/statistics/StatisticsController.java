package org.duban.console.statistics;

import java.time.Clock;
import java.time.LocalDate;

import org.duban.console.ConsoleProperties;
import org.duban.console.platform.Attempt;
import org.duban.console.platform.UnitDirectory;
import org.duban.console.security.ConsoleUser;
import org.duban.console.web.TypedInput;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * 统计分析 (supervisors, leaders): the figures of a period (this year by default) with every rate's
 * numerator and denominator, the year's months and categories as charts and tables, the units ranked,
 * and the annual report's documents to download.
 */
@Controller
class StatisticsController {

    private final StatisticsPage page;
    private final AnnualReportDownloads downloads;
    private final UnitDirectory units;
    private final ConsoleProperties properties;
    private final Clock clock;

    StatisticsController(StatisticsPage page, AnnualReportDownloads downloads, UnitDirectory units,
            ConsoleProperties properties, Clock clock) {
        this.page = page;
        this.downloads = downloads;
        this.units = units;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping("/statistics")
    String statistics(ConsoleUser user, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String unitId, Model model) {
        show(user, PeriodForm.of(from, to, unitId, today()), model);
        return "statistics/index";
    }

    /**
     * The annual report of a year as DOCX, XLSX or Markdown; a year or format refused comes back as the
     * statistics page (of the period the form was sent from) with the refusal beside the year.
     */
    @GetMapping("/statistics/report")
    ModelAndView report(ConsoleUser user, @RequestParam(required = false) String year,
            @RequestParam(required = false) String format, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String unitId, Model model) {
        Attempt<ReportFile> file = downloads.download(year, format);
        if (!file.refused()) {
            return new ModelAndView(file.value());
        }
        model.addAttribute("reportProblem", file.problem());
        model.addAttribute("reportYear", year);
        show(user, PeriodForm.of(from, to, unitId, today()), model);
        return new ModelAndView("statistics/index");
    }

    /** The period as typed; a day that does not parse, or a period the platform refuses, is shown beside its field. */
    private void show(ConsoleUser user, PeriodForm form, Model model) {
        TypedInput input = new TypedInput(properties.officeZone());
        LocalDate from = input.date("from", form.from());
        LocalDate to = input.date("to", form.to());
        Attempt<StatisticsView> view = input.valid()
                ? page.view(user, new Period(from, to), form.unitId())
                : Attempt.refused(input.problem());
        if (view.refused()) {
            model.addAttribute("problem", view.problem());
        } else {
            model.addAttribute("view", view.value());
        }
        LocalDate today = today();
        model.addAttribute("form", form);
        model.addAttribute("quickLinks", form.quickLinks(today));
        model.addAttribute("units", units.all(user));
        if (!model.containsAttribute("reportYear")) {
            model.addAttribute("reportYear", Integer.toString(from != null ? from.getYear() : today.getYear()));
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(properties.officeZone()));
    }
}
