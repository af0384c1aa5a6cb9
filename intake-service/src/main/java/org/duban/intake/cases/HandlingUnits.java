package org.duban.intake.cases;

/**
 * Which units handle a matter: those with an assignment on it that is open or concluded (not
 * cancelled). They may read the matter with its petitioner (SPEC §5). Answered by the assignments
 * feature; matters do not know assignments.
 */
@FunctionalInterface
public interface HandlingUnits {

    boolean handles(String unitId, String caseId);
}
