package org.duban.supervision.reminder;

import java.time.Instant;
import java.util.Objects;

/**
 * A subject other than an assignment with a deadline that applies now, as the board shows it.
 *
 * @param assignmentId the assignment it is tied to, if any
 * @param caseId       the matter, if known
 * @param unitId       the unit that owes it; null for a recommendation to an outside addressee only
 * @param since        since when it is watched (opened, issued)
 */
public record Watched(AlertKind kind, String subjectId, String assignmentId, String caseId, String unitId,
        Deadline deadline, Instant since) {

    public Watched {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(since, "since");
    }
}
