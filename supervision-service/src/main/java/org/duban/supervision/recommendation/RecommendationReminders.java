package org.duban.supervision.recommendation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.duban.contracts.events.ReminderIssued;
import org.duban.platform.events.PendingEvents;
import org.duban.supervision.deadline.AlertColour;
import org.duban.supervision.deadline.AlertPolicy;
import org.duban.supervision.deadline.Deadline;
import org.duban.supervision.deadline.ReminderSource;
import org.duban.supervision.deadline.Reminders;

/** Reminds of unanswered recommendations as their answer deadline nears and passes (then flagged overdue). */
public final class RecommendationReminders implements ReminderSource {

    public static final String SUBJECT_TYPE = "RECOMMENDATION";

    private final Recommendations recommendations;
    private final AlertPolicy policy;
    private final PendingEvents events;

    public RecommendationReminders(Recommendations recommendations, AlertPolicy policy, PendingEvents events) {
        this.recommendations = recommendations;
        this.policy = policy;
        this.events = events;
    }

    @Override
    public String subjectType() {
        return SUBJECT_TYPE;
    }

    @Override
    public List<String> dueForReminder(Instant now, int limit) {
        return recommendations.dueForReminder(now, limit);
    }

    @Override
    public int remind(String id, Instant now) {
        Optional<Recommendation> found = recommendations.find(id);
        if (found.isEmpty()) {
            return 0;
        }
        Recommendation recommendation = found.get();
        Deadline deadline = recommendation.applicableDeadline().orElse(null);
        Optional<AlertColour> due = policy.reminderDue(deadline, recommendation.reminded(), now);
        if (due.isEmpty()) {
            recommendations.updateIfUnchanged(recommendation, List.of());
            return 0;
        }
        ReminderIssued reminder = Reminders.issued(SUBJECT_TYPE, id, deadline, due.get(), recommendation.caseId(),
                recommendation.assignmentId(), recommendation.unitId(), now);
        return recommendations.updateIfUnchanged(recommendation.remind(due.get()), List.of(events.of(id, reminder)))
                ? 1 : 0;
    }
}
