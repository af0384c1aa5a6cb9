package org.duban.intake.assignment;

/** The deadlines of an assignment: to accept it, to report its result, to object to it. */
public enum DeadlineKind {

    /** 签收 + 受理告知: by office policy 15 days, never after the result deadline (急件). */
    ACCEPTANCE,

    /** 办结: the result deadline, {@code dueAt}. */
    RESULT,

    /** 异议退回: always working days (条例第23条). */
    OBJECTION
}
