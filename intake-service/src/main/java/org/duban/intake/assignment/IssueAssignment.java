package org.duban.intake.assignment;

import java.time.Instant;
import java.util.Objects;

/** What a supervisor gives to assign or transfer a matter; {@code dueAt} is optional. */
public record IssueAssignment(String caseId, String unitId, AssignmentKind kind, Instant dueAt, String instructions) {

    public IssueAssignment {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(unitId, "unitId");
        Objects.requireNonNull(kind, "kind");
    }
}
