package org.duban.console.matters;

import java.util.List;
import java.util.Map;

import org.duban.client.intake.api.CasesApi;
import org.duban.client.intake.api.EvaluationsApi;
import org.duban.client.intake.model.ModelCase;
import org.duban.console.platform.UnitDirectory;
import org.duban.console.security.ConsoleUser;
import org.springframework.stereotype.Component;

/**
 * Puts a matter's page together: the matter (404 for a matter that does not exist, the not-found page),
 * its assignments, its evaluations (supervisors only: the API refuses leaders), its history, and the
 * units a supervisor may send it to.
 */
@Component
class MatterPage {

    private final CasesApi cases;
    private final EvaluationsApi evaluations;
    private final MatterAssignments assignments;
    private final MatterTimeline timeline;
    private final UnitDirectory units;

    MatterPage(CasesApi cases, EvaluationsApi evaluations, MatterAssignments assignments, MatterTimeline timeline,
            UnitDirectory units) {
        this.cases = cases;
        this.evaluations = evaluations;
        this.assignments = assignments;
        this.timeline = timeline;
        this.units = units;
    }

    MatterView view(ConsoleUser user, String caseId) {
        ModelCase matter = cases.getCase(caseId);
        boolean supervisor = user.isSupervisor();
        Map<String, String> unitNames = units.names(user);
        List<String> accused = matter.getAccusedUnitIds() == null ? List.of()
                : matter.getAccusedUnitIds().stream().map(id -> unitNames.getOrDefault(id, id)).toList();
        MatterAssignments.Lines lines = assignments.of(caseId);
        return new MatterView(matter, supervisor ? matter.getPetitioner() : null, accused, lines.lines(),
                lines.total(), supervisor ? evaluations.listEvaluations(caseId) : null, timeline.of(caseId),
                supervisor ? units.all(user) : List.of(), unitNames);
    }
}
