package org.duban.intake.assignment;

import java.util.Objects;

/**
 * An assignment with the title of its matter, as every answer about an assignment shows it (so that a
 * list reads without a second call). The title is null only for a matter that is not registered.
 */
public record TitledAssignment(Assignment assignment, String caseTitle) {

    public TitledAssignment {
        Objects.requireNonNull(assignment, "assignment");
    }
}
