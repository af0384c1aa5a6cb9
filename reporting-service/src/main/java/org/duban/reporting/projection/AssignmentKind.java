package org.duban.reporting.projection;

/** 交办 (ASSIGN: a result report is required) or 转送 (TRANSFER: sent to the unit with authority). */
public enum AssignmentKind {
    ASSIGN,
    TRANSFER
}
