package org.duban.intake.assignment;

import java.time.Instant;
import java.util.Objects;

/**
 * A matter with at least one CONCLUDED assignment, and when the first of them concluded: the start of
 * its evaluation window (群众参评).
 */
public record ConcludedMatter(String caseId, Instant firstConcludedAt) {

    public ConcludedMatter {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(firstConcludedAt, "firstConcludedAt");
    }
}
