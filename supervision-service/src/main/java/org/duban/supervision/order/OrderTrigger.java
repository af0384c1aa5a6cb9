package org.duban.supervision.order;

/** Why a supervision order was opened (SPEC §4). */
public enum OrderTrigger {
    OVERDUE, NO_FEEDBACK, WRONG_PROCEDURE, SHIRKING, PERFUNCTORY, DELAYING, FALSIFYING, NOT_EXECUTING, OTHER
}
