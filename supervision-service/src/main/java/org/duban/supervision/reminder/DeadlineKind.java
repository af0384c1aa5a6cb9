package org.duban.supervision.reminder;

/**
 * Which deadline applies: an assignment's signing for it (签收/受理告知) or its result (办结); a
 * supervision order's written response; a recommendation's written answer (feedback); a measure's
 * submission (written self-review, rectification report).
 */
public enum DeadlineKind {
    ACCEPTANCE,
    RESULT,
    RESPONSE,
    FEEDBACK,
    SUBMISSION
}
