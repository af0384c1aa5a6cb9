package org.duban.reporting.projection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What the figures need to remember of an issued assignment, so that later facts about it (its
 * acceptance, its conclusion, its evaluation) are counted against the day and unit it was issued to.
 *
 * @param issuedOn the office-local day of {@code issuedAt}
 */
public record IssuedAssignment(
        String assignmentId,
        String caseId,
        String unitId,
        AssignmentKind kind,
        String category,
        boolean prominent,
        Instant issuedAt,
        LocalDate issuedOn) {

    public IssuedAssignment {
        Objects.requireNonNull(assignmentId, "assignmentId");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(unitId, "unitId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(issuedOn, "issuedOn");
    }
}
