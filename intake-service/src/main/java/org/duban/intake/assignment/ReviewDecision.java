package org.duban.intake.assignment;

/** A supervisor's review of a final report: approve it, or send it back to be handled again (退回重办). */
public enum ReviewDecision {
    APPROVE, SEND_BACK
}
