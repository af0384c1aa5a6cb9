package org.duban.supervision.measure;

/**
 * 问责措施: 通报函告, 责令书面检查 (the unit submits it by a due date), 约谈 (scheduled, then recorded as
 * held), 挂牌督办, 责令限期整改 (the unit reports its rectification by a due date).
 */
public enum MeasureKind {
    NOTICE, WRITTEN_SELF_REVIEW, INTERVIEW, LISTED_SUPERVISION, RECTIFICATION_ORDER;

    /** Whether the unit must submit something by a due date. */
    public boolean asksForSubmission() {
        return this == WRITTEN_SELF_REVIEW || this == RECTIFICATION_ORDER;
    }

    public boolean isScheduled() {
        return this == INTERVIEW;
    }
}
