package org.duban.supervision.deadline;

/** Which of an assignment's deadlines applies: signing for it (签收/受理告知) or its result (办结). */
public enum DeadlineKind {
    ACCEPTANCE,
    RESULT
}
