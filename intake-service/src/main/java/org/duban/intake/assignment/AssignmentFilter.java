package org.duban.intake.assignment;

/**
 * What a list of assignments is narrowed to: every condition given must hold; null means any.
 *
 * @param unitId           only this unit's (forced to the caller's own for a unit)
 * @param caseId           only the assignments of this matter
 * @param pendingExtension only those with an extension request awaiting a decision (true), or only those
 *                         without one (false)
 */
public record AssignmentFilter(AssignmentStatus status, String unitId, String caseId, Boolean pendingExtension) {

    /** Every assignment. */
    public static AssignmentFilter none() {
        return new AssignmentFilter(null, null, null, null);
    }

    /** The same conditions, for {@code ownUnitId}'s assignments only. */
    AssignmentFilter ofUnit(String ownUnitId) {
        return new AssignmentFilter(status, ownUnitId, caseId, pendingExtension);
    }
}
