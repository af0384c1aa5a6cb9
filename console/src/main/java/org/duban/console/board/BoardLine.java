package org.duban.console.board;

import java.time.OffsetDateTime;

/**
 * One deadline on the board, with the names a person reads instead of ids.
 *
 * @param kind           ASSIGNMENT, SUPERVISION_ORDER, RECOMMENDATION or MEASURE
 * @param colour         GREEN, YELLOW or RED
 * @param deadlineKind   ACCEPTANCE, RESULT, RESPONSE, FEEDBACK or SUBMISSION
 * @param assignmentKind ASSIGN or TRANSFER, when the line belongs to an assignment
 * @param subjectHref    the page of what the deadline belongs to
 * @param caseTitle      the matter's title, when the line belongs to a matter
 * @param unitName       the unit's name (its id when unknown), when the line belongs to a unit
 * @param deadlineProvisional the deadline was counted through a year without the official holiday notice (暂定)
 */
public record BoardLine(String kind, String colour, String deadlineKind, String assignmentKind, String subjectId,
        String subjectHref, String assignmentId, String caseId, String caseTitle, String unitId, String unitName,
        OffsetDateTime dueAt, Integer daysLeft, boolean overdue, boolean deadlineProvisional) {

    /** Whole days overdue (positive), for "超期 N 天". */
    public int daysOverdue() {
        return daysLeft == null ? 0 : Math.max(0, -daysLeft);
    }
}
