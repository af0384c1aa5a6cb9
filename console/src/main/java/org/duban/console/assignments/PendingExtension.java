package org.duban.console.assignments;

import org.duban.client.intake.model.Assignment;
import org.duban.client.intake.model.AssignmentExtension;
import org.duban.client.intake.model.ExtensionStatus;

/** The extension request of an assignment that waits for a supervisor's decision (one at a time). */
public final class PendingExtension {

    private PendingExtension() {
    }

    /** The pending request, or null when none waits. */
    public static AssignmentExtension of(Assignment assignment) {
        if (assignment.getExtensions() == null) {
            return null;
        }
        return assignment.getExtensions().stream()
                .filter(extension -> extension.getStatus() == ExtensionStatus.PENDING)
                .reduce((first, second) -> second).orElse(null);
    }
}
