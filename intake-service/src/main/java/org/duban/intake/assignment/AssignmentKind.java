package org.duban.intake.assignment;

/** 交办 (result report and review required) or 转送. */
public enum AssignmentKind {
    ASSIGN, TRANSFER
}
