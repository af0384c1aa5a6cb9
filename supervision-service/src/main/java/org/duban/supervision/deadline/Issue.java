package org.duban.supervision.deadline;

import java.time.Instant;
import java.util.Set;

import org.duban.supervision.reminder.DeadlineKind;

/**
 * What the issue of an assignment (交办/转送) tells tracking: who handles it and its two deadlines.
 *
 * @param issuedAt        when it was issued; tracking counts from here
 * @param acceptanceDueAt the acceptance deadline (签收 + 受理告知)
 * @param dueAt           the result deadline (办结)
 * @param provisional     the deadlines intake counted through a provisional calendar year (暂定)
 */
public record Issue(String assignmentId, String caseId, String unitId, AssignmentKind kind, Instant issuedAt,
        Instant acceptanceDueAt, Instant dueAt, Set<DeadlineKind> provisional) {

    /** An issue with no provisional deadline. */
    public Issue(String assignmentId, String caseId, String unitId, AssignmentKind kind, Instant issuedAt,
            Instant acceptanceDueAt, Instant dueAt) {
        this(assignmentId, caseId, unitId, kind, issuedAt, acceptanceDueAt, dueAt, Set.of());
    }

    public Issue {
        Require.text(assignmentId, "assignmentId");
        Require.text(caseId, "caseId");
        Require.text(unitId, "unitId");
        Require.present(kind, "kind");
        Require.present(issuedAt, "issuedAt");
        Require.present(acceptanceDueAt, "acceptanceDueAt");
        Require.present(dueAt, "dueAt");
        provisional = provisional == null ? Set.of() : Set.copyOf(provisional);
    }
}
