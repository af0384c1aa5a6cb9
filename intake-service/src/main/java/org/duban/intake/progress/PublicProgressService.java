package org.duban.intake.progress;

import java.util.List;

import org.duban.intake.assignment.CaseAssignments;
import org.duban.intake.cases.CaseService;
import org.duban.intake.cases.PetitionCase;
import org.duban.intake.unit.UnitService;
import org.duban.platform.domain.NotFound;

/**
 * The petitioner follows the matter with the query code (办理进度, no account). A code that belongs to no
 * matter — never issued, mistyped, or replaced by a reissue — answers {@link NotFound} with one fixed
 * message, whatever the reason; finding that out costs one look-up by the code's hash either way.
 */
public final class PublicProgressService {

    /** The one refusal of a wrong code: it names neither the code nor why it is wrong. */
    public static final String WRONG_CODE = "with this query code";

    private final CaseService cases;
    private final CaseAssignments assignments;
    private final UnitService units;

    public PublicProgressService(CaseService cases, CaseAssignments assignments, UnitService units) {
        this.cases = cases;
        this.assignments = assignments;
        this.units = units;
    }

    public PublicProgress progress(PublicProgressRequest request) {
        PetitionCase matter = cases.findByQueryCode(request.queryCode())
                .orElseThrow(() -> new NotFound("matter", WRONG_CODE));
        return PublicProgress.of(matter, matter.details().whistleblowing() ? List.of() : assignments.of(matter.id()),
                unitId -> units.get(unitId).snapshot().kind());
    }
}
