package org.duban.reporting.projection;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

import org.duban.contracts.events.DubanEvent;
import org.duban.contracts.events.MeasureIssued;
import org.duban.contracts.events.NotificationAcknowledged;
import org.duban.contracts.events.NotificationDelivered;
import org.duban.contracts.events.NotificationDeliveryFailed;
import org.duban.contracts.events.RecommendationAnswered;
import org.duban.contracts.events.RecommendationIssued;
import org.duban.contracts.events.ReminderIssued;
import org.duban.contracts.events.SupervisionOrderOpened;
import org.duban.reporting.projection.Recommendations.Recommendation;

/**
 * The counters of supervision's and notification's events. Their events carry the unit but not the
 * matter's category, and they are read from other topics than intake's, so nothing here waits for,
 * or looks up, an intake fact: a rebuild that reads the topics in another interleaving counts the
 * same.
 */
public final class SupervisionProjection {

    private final DailyFigures figures;
    private final Recommendations recommendations;
    private final ZoneId officeZone;

    public SupervisionProjection(DailyFigures figures, Recommendations recommendations, ZoneId officeZone) {
        this.figures = Objects.requireNonNull(figures, "figures");
        this.recommendations = Objects.requireNonNull(recommendations, "recommendations");
        this.officeZone = Objects.requireNonNull(officeZone, "officeZone");
    }

    /** Projects one event; the others (responses, closures, submissions, …) only reach the timeline. */
    public void apply(DubanEvent event) {
        if (event instanceof SupervisionOrderOpened opened) {
            count(opened.openedAt(), opened.unitId(), Counter.SUPERVISION_ORDERS_OPENED, opened.supervisionId());
        } else if (event instanceof RecommendationIssued issued) {
            count(issued.issuedAt(), issued.unitId(), Counter.recommendation(issued.kind()), issued.recommendationId());
            adoption(recommendations.issued(issued.recommendationId(), issued.unitId(), officeDay(issued.issuedAt())));
        } else if (event instanceof RecommendationAnswered answered) {
            adoption(recommendations.answered(answered.recommendationId(), answered.adopted()));
        } else if (event instanceof MeasureIssued measure) {
            count(measure.issuedAt(), measure.unitId(), Counter.measure(measure.kind()), measure.measureId());
        } else if (event instanceof ReminderIssued reminder) {
            reminded(reminder);
        } else if (event instanceof NotificationDelivered delivered) {
            count(delivered.deliveredAt(), delivered.unitId(), Counter.NOTIFICATIONS_DELIVERED, delivered.deliveryId());
        } else if (event instanceof NotificationDeliveryFailed failed) {
            count(failed.failedAt(), failed.unitId(), Counter.NOTIFICATIONS_FAILED, failed.deliveryId());
        } else if (event instanceof NotificationAcknowledged acknowledged) {
            count(acknowledged.acknowledgedAt(), acknowledged.unitId(), Counter.NOTIFICATIONS_ACKNOWLEDGED,
                    acknowledged.messageId());
        }
    }

    private void reminded(ReminderIssued reminder) {
        count(reminder.issuedAt(), reminder.unitId(), Counter.REMINDERS_ISSUED, reminder.reminderId());
        if ("ASSIGNMENT".equals(reminder.subjectType()) && "RED".equals(reminder.colour())) {
            // one red reminder per deadline: an assignment late on acceptance and on its result counts twice
            count(reminder.issuedAt(), reminder.unitId(), Counter.ASSIGNMENTS_OVERDUE,
                    reminder.subjectId() + "#" + reminder.deadlineKind());
        }
    }

    /** An adoption counts on the day the recommendation was issued, once both facts are known. */
    private void adoption(Recommendation recommendation) {
        if (recommendation.adopted() && recommendation.issuedOn().isPresent()) {
            figures.add(new Increment(recommendation.issuedOn().get(), recommendation.unitId(),
                    Counter.RECOMMENDATIONS_ADOPTED, recommendation.recommendationId()));
        }
    }

    private void count(Instant at, String unitId, Counter counter, String contribution) {
        figures.add(new Increment(officeDay(at), unitId, counter, contribution));
    }

    private LocalDate officeDay(Instant instant) {
        return LocalDate.ofInstant(instant, officeZone);
    }
}
