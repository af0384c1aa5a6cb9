package org.duban.console.lawyers;

import java.time.Clock;
import java.time.LocalDate;

import jakarta.servlet.http.HttpServletRequest;
import org.duban.client.intake.api.LawyersApi;
import org.duban.client.intake.model.LawyerDutySession;
import org.duban.client.intake.model.LawyerDutySessionPage;
import org.duban.client.intake.model.LawyerParticipation;
import org.duban.client.intake.model.LawyerParticipationKind;
import org.duban.client.intake.model.LawyerParticipationPage;
import org.duban.console.ConsoleProperties;
import org.duban.console.platform.Attempt;
import org.duban.console.web.Flash;
import org.duban.console.web.PageView;
import org.duban.console.web.TypedInput;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 律师参与: the lawyers' duty sessions at the office (律师坐班接访) and their part in matters (参与调解,
 * 法律意见) — each a list of a period (this year by default), paged, with the form that records one
 * beside it for supervisors; leaders read. The figures are on 统计分析.
 */
@Controller
class LawyersController {

    static final int PER_PAGE = 20;

    private final LawyersApi lawyers;
    private final ConsoleProperties properties;
    private final Clock clock;

    LawyersController(LawyersApi lawyers, ConsoleProperties properties, Clock clock) {
        this.lawyers = lawyers;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping("/lawyers")
    String sessions(@ModelAttribute("filter") LawyerFilter filter, HttpServletRequest request, Model model) {
        return sessionsPage(filter, DutySessionForm.blank(today().toString()), request, model);
    }

    @PostMapping("/lawyers/duty-sessions")
    String recordSession(@ModelAttribute DutySessionForm sessionForm, HttpServletRequest request, Model model,
            RedirectAttributes redirect) {
        TypedInput input = new TypedInput(properties.officeZone());
        var sent = sessionForm.request(input);
        Attempt<LawyerDutySession> recorded = input.attempt(() ->
                lawyers.recordLawyerDutySession(sent, sessionForm.idempotencyKey()));
        if (recorded.refused()) {
            model.addAttribute("problem", recorded.problem());
            return sessionsPage(LawyerFilter.none(), sessionForm.kept(), request, model);
        }
        return Flash.redirect(redirect, "lawyers.session.recorded", "/lawyers");
    }

    @GetMapping("/lawyers/participations")
    String participations(@ModelAttribute("filter") LawyerFilter filter,
            @RequestParam(required = false) String caseId, HttpServletRequest request, Model model) {
        return participationsPage(filter, ParticipationForm.blank(caseId, today().toString()), request, model);
    }

    @PostMapping("/lawyers/participations")
    String recordParticipation(@ModelAttribute ParticipationForm participationForm, HttpServletRequest request,
            Model model, RedirectAttributes redirect) {
        TypedInput input = new TypedInput(properties.officeZone());
        var sent = participationForm.request(input);
        Attempt<LawyerParticipation> recorded = input.attempt(() ->
                lawyers.recordLawyerParticipation(sent, participationForm.idempotencyKey()));
        if (recorded.refused()) {
            model.addAttribute("problem", recorded.problem());
            return participationsPage(LawyerFilter.none(), participationForm.kept(), request, model);
        }
        return Flash.redirect(redirect, "lawyers.participation.recorded", "/lawyers/participations");
    }

    private String sessionsPage(LawyerFilter filter, DutySessionForm form, HttpServletRequest request, Model model) {
        TypedInput input = new TypedInput(properties.officeZone());
        LawyerFilter.Days days = filter.days(input, today());
        Attempt<LawyerDutySessionPage> found = input.attempt(() ->
                lawyers.listLawyerDutySessions(days.from(), days.to(), filter.pageNumber(), PER_PAGE));
        if (found.refused()) {
            model.addAttribute("filterProblem", found.problem());
        } else {
            model.addAttribute("sessions", found.value().getItems());
            model.addAttribute("page", PageView.of(request, "/lawyers", found.value().getPage()));
        }
        model.addAttribute("filter", filter.shown(days));
        model.addAttribute("sessionForm", form);
        return "lawyers/sessions";
    }

    private String participationsPage(LawyerFilter filter, ParticipationForm form, HttpServletRequest request,
            Model model) {
        TypedInput input = new TypedInput(properties.officeZone());
        LawyerFilter.Days days = filter.days(input, today());
        LawyerParticipationKind kind = TypedInput.option(filter.kind(), LawyerParticipationKind.class);
        Attempt<LawyerParticipationPage> found = input.attempt(() ->
                lawyers.listLawyerParticipations(days.from(), days.to(),
                        TypedInput.text(filter.caseId()), kind, filter.pageNumber(), PER_PAGE));
        if (found.refused()) {
            model.addAttribute("filterProblem", found.problem());
        } else {
            model.addAttribute("participations", found.value().getItems());
            model.addAttribute("page", PageView.of(request, "/lawyers/participations", found.value().getPage()));
        }
        model.addAttribute("filter", filter.shown(days));
        model.addAttribute("participationForm", form);
        model.addAttribute("kinds", LawyerParticipationKind.values());
        return "lawyers/participations";
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(properties.officeZone()));
    }
}
