package org.duban.console.review;

import org.duban.client.intake.model.Assignment;
import org.duban.client.intake.model.AssignmentExtension;

/**
 * One assignment waiting for the office's decision, with its unit's name.
 *
 * @param pendingExtension the extension request waiting for a decision; null in the other sections
 */
public record ReviewLine(Assignment assignment, String unitName, AssignmentExtension pendingExtension) {

    /** The matter's title, or its id when the platform did not name it. */
    public String caseTitle() {
        return assignment.getCaseTitle() == null ? assignment.getCaseId() : assignment.getCaseTitle();
    }
}
