package org.duban.supervision.deadline;

/** 交办 ({@code ASSIGN}: fixed deadline, result report reviewed) or 转送 ({@code TRANSFER}). */
public enum AssignmentKind {
    ASSIGN,
    TRANSFER
}
