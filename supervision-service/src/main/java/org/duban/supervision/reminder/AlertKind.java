package org.duban.supervision.reminder;

/** What a deadline on the board belongs to; also the {@code subjectType} of its reminders. */
public enum AlertKind {
    ASSIGNMENT, SUPERVISION_ORDER, RECOMMENDATION, MEASURE
}
