package org.duban.supervision.deadline;

import java.time.Instant;

/**
 * What the issue of an assignment (交办/转送) tells tracking: who handles it and its two deadlines.
 *
 * @param issuedAt        when it was issued; tracking counts from here
 * @param acceptanceDueAt the acceptance deadline (签收 + 受理告知)
 * @param dueAt           the result deadline (办结)
 */
public record Issue(String assignmentId, String caseId, String unitId, AssignmentKind kind, Instant issuedAt,
        Instant acceptanceDueAt, Instant dueAt) {

    public Issue {
        Require.text(assignmentId, "assignmentId");
        Require.text(caseId, "caseId");
        Require.text(unitId, "unitId");
        Require.present(kind, "kind");
        Require.present(issuedAt, "issuedAt");
        Require.present(acceptanceDueAt, "acceptanceDueAt");
        Require.present(dueAt, "dueAt");
    }
}
