package org.duban.supervision.recommendation;

import org.duban.supervision.reminder.AlertPolicy;
import org.duban.supervision.reminder.SubjectReminders;

/** Reminds of unanswered recommendations as their answer deadline nears and passes (then flagged overdue). */
public final class RecommendationReminders extends SubjectReminders<Recommendation> {

    public static final String SUBJECT_TYPE = "RECOMMENDATION";

    public RecommendationReminders(Recommendations recommendations, AlertPolicy policy) {
        super(SUBJECT_TYPE, recommendations, policy);
    }
}
