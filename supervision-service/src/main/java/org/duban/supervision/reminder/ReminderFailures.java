package org.duban.supervision.reminder;

/**
 * Told of every reminder that failed in a sweep (and was left due for the next one), so that
 * failures can be counted and alerted on; the sweep has logged it already.
 */
@FunctionalInterface
public interface ReminderFailures {

    /** Counts nothing. */
    ReminderFailures NONE = (subjectType, subjectId, failure) -> {
    };

    /**
     * @param subjectType ASSIGNMENT, SUPERVISION_ORDER, RECOMMENDATION or MEASURE
     * @param subjectId   the subject whose reminder failed, or null when its source's work list could not be read
     */
    void failed(String subjectType, String subjectId, RuntimeException failure);
}
