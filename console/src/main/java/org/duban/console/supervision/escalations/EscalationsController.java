package org.duban.console.supervision.escalations;

import java.util.List;
import java.util.Map;

import org.duban.client.supervision.api.AlertsApi;
import org.duban.client.supervision.api.EscalationsApi;
import org.duban.client.supervision.model.Alert;
import org.duban.client.supervision.model.AlertKind;
import org.duban.client.supervision.model.EscalationProposal;
import org.duban.client.supervision.model.EscalationStep;
import org.duban.console.platform.UnitDirectory;
import org.duban.console.security.ConsoleUser;
import org.duban.console.platform.MatterTitles;
import org.duban.console.web.TypedInput;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 问责升级 (supervisors; leaders read): for the unit picked, the office's escalation ladder with the step
 * reached and the step the platform proposes, the reasons, and for each step the form that would take it.
 * Nothing is issued here: a person decides, on the form the step leads to.
 */
@Controller
class EscalationsController {

    /** The unit's most urgent open assignments, offered when the next step is a supervision order. */
    static final int OPEN_ASSIGNMENTS = 10;

    private final EscalationsApi escalations;
    private final AlertsApi alerts;
    private final MatterTitles titles;
    private final UnitDirectory units;

    EscalationsController(EscalationsApi escalations, AlertsApi alerts, MatterTitles titles, UnitDirectory units) {
        this.escalations = escalations;
        this.alerts = alerts;
        this.titles = titles;
        this.units = units;
    }

    @GetMapping("/supervision/escalations")
    String ladder(ConsoleUser user, @RequestParam(required = false) String unitId, Model model) {
        String chosen = TypedInput.text(unitId);
        model.addAttribute("units", units.all(user));
        model.addAttribute("unitId", chosen);
        if (chosen != null) {
            EscalationProposal proposal = escalations.proposeEscalation(chosen);
            model.addAttribute("unitName", units.nameOf(user, chosen));
            model.addAttribute("ladder", LadderView.of(proposal));
            model.addAttribute("reasons", proposal.getReasons());
            model.addAttribute("openAssignments", proposal.getProposedStep() == EscalationStep.SUPERVISION_ORDER
                    ? openAssignments(user, chosen) : List.of());
        }
        return "supervision/escalations";
    }

    /** The unit's open assignments, most urgent first, with their matters' titles. */
    private List<OpenAssignment> openAssignments(ConsoleUser user, String unitId) {
        List<Alert> urgent = alerts.listAlerts(null, unitId, AlertKind.ASSIGNMENT, 0, OPEN_ASSIGNMENTS).getItems();
        Map<String, String> matterTitles = titles.of(user, urgent.stream().map(Alert::getCaseId).toList());
        return urgent.stream()
                .map(alert -> new OpenAssignment(alert, matterTitles.getOrDefault(alert.getCaseId(), alert.getCaseId())))
                .toList();
    }

    /** One open assignment of the unit, to pick for a supervision order. */
    record OpenAssignment(Alert alert, String caseTitle) {
    }
}
