package org.duban.intake.assignment;

import java.util.EnumSet;
import java.util.Set;

import org.duban.intake.cases.HandlingUnits;

/**
 * What other features ask about a matter's assignments: which unit handles it (an assignment that is
 * not cancelled, open or concluded) and whether it has concluded (at least one CONCLUDED assignment).
 */
public final class AssignmentHandling implements HandlingUnits {

    private static final Set<AssignmentStatus> HANDLING = EnumSet.complementOf(EnumSet.of(AssignmentStatus.CANCELLED));

    private final Assignments assignments;

    public AssignmentHandling(Assignments assignments) {
        this.assignments = assignments;
    }

    @Override
    public boolean handles(String unitId, String caseId) {
        return unitId != null && assignments.existsFor(caseId, unitId, HANDLING);
    }

    /** Whether at least one assignment on the matter is CONCLUDED, so that it may be evaluated. */
    public boolean concluded(String caseId) {
        return assignments.existsFor(caseId, null, EnumSet.of(AssignmentStatus.CONCLUDED));
    }
}
