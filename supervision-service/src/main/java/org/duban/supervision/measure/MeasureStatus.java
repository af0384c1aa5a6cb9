package org.duban.supervision.measure;

/** Where a measure stands: ISSUED asks nothing more; a submission is awaited then SUBMITTED; an interview SCHEDULED then HELD. */
public enum MeasureStatus {
    ISSUED, AWAITING_SUBMISSION, SUBMITTED, SCHEDULED, HELD
}
