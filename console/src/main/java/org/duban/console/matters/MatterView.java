package org.duban.console.matters;

import java.util.List;
import java.util.Map;

import org.duban.client.intake.model.EvaluationHistory;
import org.duban.client.intake.model.ModelCase;
import org.duban.client.intake.model.Petitioner;
import org.duban.client.intake.model.Unit;

/**
 * A matter's page: the matter, what was sent to which unit, how the petitioner rated it and its history.
 *
 * @param petitioner        the petitioner's identity; null for leaders (the API omits it for them)
 * @param accusedUnitNames  for a whistleblowing matter, the accused units by name
 * @param assignmentsTotal  how many assignments the matter has (more than listed when very many)
 * @param evaluations       the ratings, newest first; null for leaders (supervisors only)
 * @param units             the units a supervisor may send the matter to; empty for leaders
 * @param unitNames         the registered units' names by id
 */
record MatterView(ModelCase matter, Petitioner petitioner, List<String> accusedUnitNames,
        List<AssignmentLine> assignments, long assignmentsTotal, EvaluationHistory evaluations,
        TimelineView timeline, List<Unit> units, Map<String, String> unitNames) {

    /** A unit's name, or its id when it is not (yet) known. */
    public String unitName(String unitId) {
        return unitId == null ? "" : unitNames.getOrDefault(unitId, unitId);
    }

    public boolean moreAssignmentsThanListed() {
        return assignmentsTotal > assignments.size();
    }
}
